import { Counter, Gauge, Histogram, Registry } from 'prom-client'

// Tollgate's Prometheus series, in one registry of their own (no default Node metrics, so what a
// scrape returns is exactly what is documented). Labels stay bounded: team, API and version ids
// (as many as the catalog has), status classes and fixed cause names; never a key, a path or a
// consumer.
export const metricsRegistry = new Registry()

/** What the scrape-time gauges read: set by watchGateway for the process's gateway. */
export const gatewaySources: {
  snapshot?: () => { version: number; loadedAt: number }
  queueDepth?: () => number
} = {}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export const gatewayRequests = new Counter({
  name: 'tollgate_gateway_requests_total',
  help: 'Calls answered by the gateway, by owner team, API, version and status class',
  labelNames: ['team', 'api', 'version', 'status_class'] as const,
  registers: [metricsRegistry],
})

export const gatewayLatency = new Histogram({
  name: 'tollgate_gateway_overhead_seconds',
  help: 'Time the gateway itself spent on a call (total minus the upstream’s time)',
  labelNames: ['status_class'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const upstreamLatency = new Histogram({
  name: 'tollgate_upstream_duration_seconds',
  help: 'Time the upstream took to answer a forwarded call',
  labelNames: ['status_class'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const paymentRequired = new Counter({
  name: 'tollgate_gateway_payment_required_total',
  help: 'Calls refused with 402, by cause',
  labelNames: ['cause'] as const,
  registers: [metricsRegistry],
})

export const rateLimited = new Counter({
  name: 'tollgate_gateway_rate_limited_total',
  help: 'Calls refused with 429 by a plan’s rate limit',
  registers: [metricsRegistry],
})

export const writerQueueDepth = new Gauge({
  name: 'tollgate_metering_queue_depth',
  help: 'Call records waiting for the metering writer',
  registers: [metricsRegistry],
  collect() {
    if (gatewaySources.queueDepth) this.set(gatewaySources.queueDepth())
  },
})

export const writerBatchDuration = new Histogram({
  name: 'tollgate_metering_batch_duration_seconds',
  help: 'Time to write one batch of call records',
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
})

export const writerFailedFlushes = new Counter({
  name: 'tollgate_metering_failed_flushes_total',
  help: 'Batch writes that failed (the writer keeps the batch and retries it)',
  registers: [metricsRegistry],
})

export const snapshotVersion = new Gauge({
  name: 'tollgate_snapshot_version',
  help: 'The configuration version the gateway is serving (across workers: the oldest served)',
  registers: [metricsRegistry],
  aggregator: 'min',
  collect() {
    if (gatewaySources.snapshot) this.set(gatewaySources.snapshot().version)
  },
})

export const snapshotAge = new Gauge({
  name: 'tollgate_snapshot_age_seconds',
  help: 'Seconds since the gateway loaded its configuration snapshot (across workers: the oldest)',
  registers: [metricsRegistry],
  aggregator: 'max',
  collect() {
    const snapshot = gatewaySources.snapshot?.()
    if (snapshot) this.set(Math.max(0, (Date.now() - snapshot.loadedAt) / 1000))
  },
})

export const webhookDeliveries = new Counter({
  name: 'tollgate_webhook_deliveries_total',
  help: 'Webhook delivery attempts, by outcome',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
})
