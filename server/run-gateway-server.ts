import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Db } from '../lib/db'
import { createGateway, type Gateway } from './create-gateway'
import { GATEWAY_PREFIX } from '../lib/gateway/parse-gateway-path'
import { AppError } from '../lib/errors/app-error'
import { frontDoor, guardServer, writeProblem, type FrontDoorOptions } from './front-door'
import { closeServer } from './graceful-shutdown'
import { isMetricsRequest, serveMetrics } from '../lib/metrics/metrics-endpoint'

// A gateway on its own port: /gw/... calls, plus /healthz for load balancers.

// No console behind this port: Host is optional (HTTP/1.0 health checks), no server actions.
const GATEWAY_ONLY: FrontDoorOptions = { console: false }

export type RunningGateway = { gateway: Gateway; server: Server; port: number; stop(): Promise<void> }

export async function runGatewayServer(options: {
  db: Db
  databaseUrl?: string
  port: number
  hostname?: string
  /** The /metrics text (default: this process's; a cluster worker passes the whole cluster's). */
  metricsText?: () => Promise<string>
}): Promise<RunningGateway> {
  const gateway = createGateway({ db: options.db, databaseUrl: options.databaseUrl })
  await gateway.start()
  const server = createServer((req, res) => {
    if (frontDoor(req, res, GATEWAY_ONLY)) return
    if (req.url!.startsWith(GATEWAY_PREFIX)) return gateway.handle(req, res)
    if (isMetricsRequest(req)) return void serveMetrics(req, res, { collect: options.metricsText })
    if (req.url === '/healthz') {
      const body = JSON.stringify({ ok: true, configVersion: gateway.store.current.version })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      return res.end(body)
    }
    writeProblem(
      res,
      new AppError({ status: 404, code: 'route_not_found', message: 'Gateway addresses start with /gw/.' }),
      true,
    )
  })
  guardServer(server)
  // Longer than common load balancers' idle timeouts, so they close first (no reset races).
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.hostname ?? '0.0.0.0', () => resolve())
  })
  return {
    gateway,
    server,
    port: (server.address() as AddressInfo).port,
    async stop() {
      await closeServer(server)
      await gateway.stop()
    },
  }
}
