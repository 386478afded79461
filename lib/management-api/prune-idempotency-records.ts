import type { Db } from '@/lib/db'

/** Deletes stored Idempotency-Key answers past their 24 hours (a cross-team system job). */
export async function pruneIdempotencyRecords(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } })
  return count
}
