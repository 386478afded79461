import type { MeteredCall } from './batch-sink'
import { execute, readAll, valuesList, type SqlDialect, type SqlProgram } from './sql-program'

// Which sequenced calls (batch-sink.ts: stream and seq, set by a writer with raw-log sampling on)
// are new. A writer commits its calls in the order it recorded them (a failed batch is retried
// before anything newer; a spool replays in order), so what one stream has committed is always a
// prefix, and one number per stream says it: calls at or below the stream's committedSeq were
// written before. The checkpoint moves in the batch's own transaction, so a batch and its
// checkpoint commit together or not at all. On PostgreSQL the rows are locked (FOR UPDATE): two
// processes replaying the same dead spool wait for each other instead of both counting it.

/** The calls of `calls` that no earlier write counted; advances their streams' checkpoints. */
export function* claimSequenced(
  calls: readonly MeteredCall[],
  dialect: SqlDialect,
  now: Date,
): SqlProgram<MeteredCall[]> {
  if (calls.length === 0) return []
  const latest = new Map<string, number>()
  for (const c of calls) latest.set(c.stream!, Math.max(latest.get(c.stream!) ?? 0, c.seq!))
  const streams = [...latest.keys()]
  yield* execute(
    `INSERT INTO "MeteringCheckpoint" ("id", "committedSeq", "createdAt", "updatedAt") VALUES ${valuesList(streams.length, 4)}
     ON CONFLICT ("id") DO NOTHING`,
    streams.flatMap((stream) => [stream, 0n, now, now]),
  )
  const rows = yield* readAll(
    `SELECT "id", "committedSeq" FROM "MeteringCheckpoint" WHERE "id" IN (${valuesList(streams.length, 1, '?')})${dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
    streams,
  )
  const committed = new Map(rows.map((row) => [row.id as string, Number(row.committedSeq)]))
  for (const [stream, seq] of latest) {
    if (seq <= (committed.get(stream) ?? 0)) continue
    yield* execute('UPDATE "MeteringCheckpoint" SET "committedSeq" = ?, "updatedAt" = ? WHERE "id" = ?', [
      BigInt(seq),
      now,
      stream,
    ])
  }
  return calls.filter((c) => c.seq! > (committed.get(c.stream!) ?? 0))
}
