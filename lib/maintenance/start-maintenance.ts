import { startCapturePruner } from '../calls/capture/prune-captures'
import type { Db } from '../db'
import { resolveStaleMonthIncidents } from '../incidents/resolve-stale-month-incidents'
import { pruneIdempotencyRecords } from '../management-api/prune-idempotency-records'
import { startRetentionPruner } from '../metering/prune-invocations'
import { startWebhookDispatcher } from '../webhooks/dispatch-webhooks'

// The background jobs every Tollgate process runs beside its requests: call-log retention, the
// new-month sweep of payment incidents, and webhook delivery. Each is safe in several processes at
// once (deliveries are claimed before sending; the sweep and the pruner are idempotent).

const MONTH_SWEEP_MS = 5 * 60_000

export function startMaintenance(db: Db): () => Promise<void> {
  const stopPruner = startRetentionPruner(db)
  const stopCapturePruner = startCapturePruner(db)
  const stopWebhooks = startWebhookDispatcher(db)
  const sweep = () => {
    void resolveStaleMonthIncidents(db).catch((error) =>
      console.error('[maintenance] new-month incident sweep failed', error),
    )
    void pruneIdempotencyRecords(db).catch((error) =>
      console.error('[maintenance] idempotency record pruning failed', error),
    )
  }
  sweep()
  const sweepTimer = setInterval(sweep, MONTH_SWEEP_MS)
  sweepTimer.unref()
  return async () => {
    stopPruner()
    stopCapturePruner()
    clearInterval(sweepTimer)
    await stopWebhooks()
  }
}
