// `npm start` / `npm run dev`: the console (Next) and the gateway on one port. Calls under /gw/
// go straight to the gateway handler, never through Next's router; everything else is Next's.
// Also starts the demo upstream (DEMO_UPSTREAM=off to skip). PORT (3000) and HOSTNAME (0.0.0.0).
import { createServer } from 'node:http'
import next from 'next'
import { databaseUrl, db } from '../lib/db'
import { createGateway } from './create-gateway'
import { GATEWAY_PREFIX } from '../lib/gateway/parse-gateway-path'
import { startMaintenance } from '../lib/maintenance/start-maintenance'
import { isMetricsRequest, serveMetrics } from '../lib/metrics/metrics-endpoint'
import { prewarmOpenApiWorker } from '../lib/openapi/run-openapi-worker'
import { CLIENT_ADDRESS_HEADER, clientAddress } from '../lib/net/client-address'
import { startDemoUpstream, type DemoUpstream } from './demo-upstream'
import { frontDoor, frontDoorUpgrade, guardServer, type FrontDoorOptions } from './front-door'
import { closeServer, onShutdownSignal } from './graceful-shutdown'

const dev = process.argv.includes('--dev') || process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOSTNAME || '0.0.0.0'

const app = next({ dev, hostname, port })
const handleNext = app.getRequestHandler()
// Same `db` as the console's code (one client on globalThis), so one SQLite connection per process.
const gateway = createGateway({ db, databaseUrl: databaseUrl() })

await Promise.all([app.prepare(), gateway.start()])
let demo: DemoUpstream | null = null
if (process.env.DEMO_UPSTREAM !== 'off') {
  try {
    demo = await startDemoUpstream()
  } catch (error) {
    // A busy demo port must not stop the console; the seeded demo APIs just answer 502.
    console.warn(`[tollgate] demo upstream not started: ${(error as Error).message}`)
  }
}

const CONSOLE: FrontDoorOptions = { console: true }
const server = createServer((req, res) => {
  // Malformed targets and hosts, foreign-origin or oversize server actions: 4xx problem+json here.
  if (frontDoor(req, res, CONSOLE)) return
  if (req.url!.startsWith(GATEWAY_PREFIX)) return gateway.handle(req, res)
  if (isMetricsRequest(req)) return void serveMetrics(req, res)
  // Sign-in limits and audit rows key on this; a client-sent header of the same name is overwritten.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req)
  handleNext(req, res).catch((error: unknown) => {
    console.error('[tollgate] console request failed', error)
    if (!res.headersSent) res.writeHead(500)
    res.end()
  })
})
// Next's dev server upgrades connections for hot reloading.
const handleUpgrade = app.getUpgradeHandler()
server.on('upgrade', (req, socket, head) => {
  if (!frontDoorUpgrade(req, socket, CONSOLE)) void handleUpgrade(req, socket, head)
})
guardServer(server)
server.keepAliveTimeout = 65_000
server.listen(port, hostname, () => {
  const shown = hostname === '0.0.0.0' ? 'localhost' : hostname
  console.log(
    `[tollgate] console http://${shown}:${port}  gateway http://${shown}:${port}/gw/  (${dev ? 'dev' : 'production'})`,
  )
  if (demo) console.log(`[tollgate] demo upstream ${demo.url}`)
  // The first contract saved should not wait for the parser to load.
  prewarmOpenApiWorker().catch((error: unknown) => console.error('[tollgate] OpenAPI worker warm-up failed:', error))
})

const stopMaintenance = startMaintenance(db)

onShutdownSignal(async () => {
  await stopMaintenance()
  await closeServer(server)
  await gateway.stop()
  await demo?.close()
  await app.close?.()
  await db.$disconnect()
})
