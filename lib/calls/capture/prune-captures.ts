import type { Db } from '@/lib/db'

// Captures carry their own expiry (the version's captureRetentionDays at the time of the call),
// independent of the call log's INVOCATION_RETENTION_DAYS: bodies are the first thing to go.

const CHUNK = 2_000
const PRUNE_MS = 15 * 60_000

export async function pruneCaptures(db: Db, now = Date.now()): Promise<number> {
  let deleted = 0
  for (;;) {
    const rows = await db.invocationCapture.findMany({
      where: { expiresAt: { lte: new Date(now) } },
      select: { id: true },
      take: CHUNK,
    })
    if (rows.length === 0) return deleted
    const result = await db.invocationCapture.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })
    deleted += result.count
    if (rows.length < CHUNK) return deleted
  }
}

/** Prunes now and every 15 minutes; returns a stop function. */
export function startCapturePruner(db: Db, intervalMs = PRUNE_MS): () => void {
  const run = () => pruneCaptures(db).catch((error) => console.error('[capture] pruning captures failed', error))
  void run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
