// `npm run gateway`: a data-plane instance on GATEWAY_PORT (default 3001) against DATABASE_URL.
// GATEWAY_WORKERS=N forks N workers sharing the port (node:cluster); each keeps its own
// snapshot and metering writer; rate limits are per worker unless REDIS_URL shares them.
import cluster from 'node:cluster'
import { createDb, databaseUrl } from '../lib/db'
import { startMaintenance } from '../lib/maintenance/start-maintenance'
import { clusterMetricsText, serveClusterMetrics, shareWorkerMetrics } from '../lib/metrics/cluster-metrics'
import { onShutdownSignal } from './graceful-shutdown'
import { runGatewayServer } from './run-gateway-server'

const port = Number(process.env.GATEWAY_PORT ?? 3001)
const hostname = process.env.GATEWAY_HOSTNAME ?? '0.0.0.0'
const workers = Math.max(1, Number(process.env.GATEWAY_WORKERS ?? 1) || 1)

if (workers > 1 && cluster.isPrimary) {
  // A scrape reaches one worker; it asks here for every worker's series, summed.
  serveClusterMetrics()
  for (let i = 0; i < workers; i++) cluster.fork()
  let alive = workers
  cluster.on('exit', (worker, code) => {
    alive--
    if (!stopping) console.error(`[gateway] worker ${worker.process.pid} exited (${code})`)
    if (alive === 0) process.exit(0)
  })
  let stopping = false
  // Workers flush their own writers; the primary forwards the signal and waits for them.
  const stop = (signal: NodeJS.Signals) => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', () => {
    // A terminal's Ctrl-C already reaches every worker in the process group.
    stopping = true
  })
  console.log(`[gateway] primary ${process.pid}: ${workers} workers on port ${port}`)
} else {
  const url = databaseUrl()
  const db = createDb(url)
  if (cluster.isWorker) shareWorkerMetrics()
  const metricsText = cluster.isWorker ? clusterMetricsText : undefined
  const running = await runGatewayServer({ db, databaseUrl: url, port, hostname, metricsText })
  // One set of background jobs is enough: the single instance, or the first cluster worker.
  const stopMaintenance = !cluster.isWorker || cluster.worker?.id === 1 ? startMaintenance(db) : async () => {}
  console.log(
    `[gateway] ${process.pid} listening on http://${hostname}:${running.port}/gw/ (config v${running.gateway.store.current.version})`,
  )
  onShutdownSignal(async () => {
    await stopMaintenance()
    await running.stop()
    await db.$disconnect()
  })
}
