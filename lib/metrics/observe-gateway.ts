import type { InvocationRecord, Meter } from '@/lib/gateway/invocation-record'
import type { SnapshotStore } from '@/lib/gateway/snapshot-store'
import { PAYMENT_CAUSES } from '@/lib/incidents/causes'
import type { InvocationWriter } from '@/lib/metering/invocation-writer'
import type { BatchSink } from '@/lib/metering/batch-sink'
import {
  gatewayLatency,
  gatewayRequests,
  gatewaySources,
  paymentRequired,
  rateLimited,
  upstreamLatency,
  writerBatchDuration,
  writerFailedFlushes,
  webhookDeliveries,
} from './registry'

// The gateway is observed from the outside, at its seams, so lib/gateway stays untouched: every
// call record passes through the Meter (GatewayCall.finish hands each call to it exactly once),
// every batch through the writer's sink, and the snapshot and queue are read at scrape time.

const CAUSES = new Set<string>(PAYMENT_CAUSES)

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'none'
}

export function observeCall(record: InvocationRecord): void {
  const status = statusClass(record.status)
  gatewayRequests.inc({
    team: record.ownerTeamId ?? 'none',
    api: record.apiId ?? 'none',
    version: record.versionId ?? 'none',
    status_class: status,
  })
  const upstreamMs = record.upstreamMs ?? 0
  gatewayLatency.observe({ status_class: status }, Math.max(0, record.latencyMs - upstreamMs) / 1000)
  if (record.upstreamMs !== null) upstreamLatency.observe({ status_class: status }, record.upstreamMs / 1000)
  if (record.status === 402) {
    paymentRequired.inc({ cause: record.errorCode && CAUSES.has(record.errorCode) ? record.errorCode : 'other' })
  }
  if (record.status === 429) rateLimited.inc()
}

/** The writer as a Meter that counts each call before queueing it. */
export function observingMeter(meter: Meter): Meter {
  return {
    record(record) {
      observeCall(record)
      meter.record(record)
    },
    ...(meter.flush ? { flush: () => meter.flush!() } : {}),
  }
}

/** The metering sink, timed per batch, with failures counted (the writer still sees them). */
export function observingSink(sink: BatchSink): BatchSink {
  return {
    async write(batch) {
      const stop = writerBatchDuration.startTimer()
      try {
        return await sink.write(batch)
      } catch (error) {
        writerFailedFlushes.inc()
        throw error
      } finally {
        stop()
      }
    },
    close: () => sink.close(),
    warm: () => sink.warm?.(),
  }
}

/** Reads the snapshot's version and age and the writer's queue at every scrape. */
export function watchGateway({ store, writer }: { store: SnapshotStore; writer: InvocationWriter }): void {
  gatewaySources.snapshot = () => store.current
  gatewaySources.queueDepth = () => writer.pending
}

/** One dispatch pass's outcomes (lib/webhooks' background dispatcher reports each pass). */
export function observeWebhookDispatch(result: { delivered: number; failed: number; retrying: number }): void {
  for (const outcome of ['delivered', 'failed', 'retrying'] as const) {
    if (result[outcome] > 0) webhookDeliveries.inc({ outcome }, result[outcome])
  }
}
