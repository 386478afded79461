import type { Db } from '../db'

// Raw call logs are kept for INVOCATION_RETENTION_DAYS (default 30); dashboards read rollups,
// which are kept. Deleting in chunks keeps each write transaction short, so the metering writer
// (and, on SQLite, every other writer) never waits long behind a prune.

const CHUNK = 5_000
const HOUR_MS = 3_600_000

export function retentionDays(): number {
  const days = Number(process.env.INVOCATION_RETENTION_DAYS ?? 30)
  return Number.isFinite(days) && days > 0 ? days : 30
}

/** Epoch ms before which raw calls are pruned; the seed and the call log's empty state use it too. */
export function retentionCutoff(now = Date.now(), days = retentionDays()): number {
  return now - days * 24 * HOUR_MS
}

export async function pruneInvocations(db: Db, days = retentionDays(), now = Date.now()): Promise<number> {
  const cutoff = new Date(retentionCutoff(now, days))
  // A writer's checkpoint (stream-checkpoints.ts) outlives its calls' rows by no more than they do:
  // a spool older than the retention period would find neither.
  await db.meteringCheckpoint.deleteMany({ where: { updatedAt: { lt: cutoff } } })
  let deleted = 0
  for (;;) {
    const rows = await db.invocation.findMany({
      where: { createdAt: { lt: cutoff } },
      select: { id: true },
      take: CHUNK,
    })
    if (rows.length === 0) return deleted
    const result = await db.invocation.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })
    deleted += result.count
    if (rows.length < CHUNK) return deleted
  }
}

/** Prunes once now and then hourly; returns a stop function. */
export function startRetentionPruner(db: Db, intervalMs = HOUR_MS): () => void {
  const run = () =>
    pruneInvocations(db).catch((error) => console.error('[metering] pruning old invocations failed', error))
  void run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
