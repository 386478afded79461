import cluster from 'node:cluster'
import { AggregatorRegistry } from 'prom-client'
import { metricsRegistry } from './registry'

// With GATEWAY_WORKERS, each worker counts its own calls; a scrape reaches one of them. That
// worker asks the primary, which gathers every worker's registry (prom-client's
// AggregatorRegistry, over the cluster's IPC channel) and sends back the sum.
const REQUEST = 'tollgate:metrics:request'
const REPLY = 'tollgate:metrics:reply'
const TIMEOUT_MS = 5_000

type Message = { type?: string; id?: number; text?: string; error?: string }

/** In the primary: answers workers' requests for the cluster-wide text. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry()
  cluster.on('message', (worker, message: Message) => {
    if (message?.type !== REQUEST) return
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: REPLY, id: message.id, text }),
      (error: unknown) => worker.send({ type: REPLY, id: message.id, error: String(error) }),
    )
  })
}

/** In a worker: lets the primary read this worker's registry. */
export function shareWorkerMetrics(): void {
  AggregatorRegistry.setRegistries([metricsRegistry])
  // Constructing one is what makes prom-client answer the primary's requests in this worker.
  new AggregatorRegistry()
}

let nextId = 0

/** In a worker: the whole cluster's metrics text, through the primary. */
export function clusterMetricsText(): Promise<string> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage)
      reject(new Error('The gateway primary did not answer the metrics request'))
    }, TIMEOUT_MS)
    const onMessage = (message: Message) => {
      if (message?.type !== REPLY || message.id !== id) return
      clearTimeout(timer)
      process.off('message', onMessage)
      if (message.error !== undefined) reject(new Error(message.error))
      else resolve(message.text ?? '')
    }
    process.on('message', onMessage)
    process.send!({ type: REQUEST, id })
  })
}
