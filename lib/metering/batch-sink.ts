import type { InvocationRecord } from '../gateway/invocation-record'

/**
 * A call record as the writer queues and spools it: with the Invocation id it was given when it was
 * answered (which makes every write of it idempotent: a retry or a replay finds the row and skips
 * it) and the gateway instance whose credit lease its charge spends.
 */
export type MeteredCall = InvocationRecord & {
  id: string
  leaseInstanceId: string | null
  /** Replayed from the spool of a process that died: this process never reserved its charge. */
  replayed?: boolean
  /**
   * With raw-log sampling on: the writer's stream (one per writer) and the call's place in the order
   * that writer recorded it. The stream's checkpoint (MeteringCheckpoint), not an Invocation row,
   * then says whether the call was written before (stream-checkpoints.ts).
   */
  stream?: string
  seq?: number
  /** Sampled out (raw-log-sampler.ts): no Invocation row; rollups and charges count it as usual. */
  rowSampledOut?: boolean
}

/** Where batches go: one transaction per batch, all rows and counters or nothing. */
export interface BatchSink {
  /** Writes the calls not yet in the database; returns how many that was. Safe to repeat. */
  write(calls: readonly MeteredCall[]): Promise<number>
  close(): Promise<void>
  /** Gets ready before the first batch (the SQLite thread loads its TypeScript at start). */
  warm?(): void
}
