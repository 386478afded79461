import { isPostgresUrl, sqliteFilePath, type Db } from '../db'
import type { InvocationRecord, Meter } from '../gateway/invocation-record'
import { prepareBatch, type BatchSink, type PreparedBatch } from './prepare-batch'
import { PrismaBatchSink } from './prisma-batch-sink'
import { SqliteThreadSink } from './sqlite-thread-sink'

// Batched, asynchronous metering. The hot path only pushes onto an array; a timer (every 250 ms)
// or a full batch (500 rows) triggers a flush, one transaction per batch. A failed batch is kept
// and retried first, so rows are neither lost nor written twice.

export type WriterOptions = {
  flushMs?: number
  maxBatch?: number
  /** Beyond this many queued rows (a database down for a long time) the oldest are dropped. */
  maxQueue?: number
  /** The gateway instance whose credit leases the batches' charges spend (see lib/charging). */
  leaseInstanceId?: string | null
  /** Told about every batch once it is committed (the charging step tracks unwritten charges). */
  onWritten?: (records: readonly InvocationRecord[]) => void
}

/**
 * SQLite with a known file: a writer thread (fast, off the event loop). Otherwise Prisma. The URL
 * must be the one `db` was created from; without it the Prisma sink is the safe choice.
 */
export function createBatchSink(db: Db, databaseUrl?: string): BatchSink {
  if (databaseUrl && !isPostgresUrl(databaseUrl)) return new SqliteThreadSink(sqliteFilePath(databaseUrl))
  return new PrismaBatchSink(db, databaseUrl && isPostgresUrl(databaseUrl) ? 'postgres' : 'sqlite')
}

export class InvocationWriter implements Meter {
  private queue: InvocationRecord[] = []
  private failed: PreparedBatch | null = null
  private flushing: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly flushMs: number
  private readonly maxBatch: number
  private readonly maxQueue: number
  private readonly leaseInstanceId: string | null
  private readonly onWritten: ((records: readonly InvocationRecord[]) => void) | null
  written = 0
  dropped = 0

  constructor(
    private readonly sink: BatchSink,
    options: WriterOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 250
    this.maxBatch = options.maxBatch ?? 500
    this.maxQueue = options.maxQueue ?? 1_000_000
    this.leaseInstanceId = options.leaseInstanceId ?? null
    this.onWritten = options.onWritten ?? null
  }

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.flush(), this.flushMs)
    // The writer alone must not keep the process alive; shutdown calls close() explicitly.
    this.timer.unref()
  }

  record(record: InvocationRecord): void {
    this.queue.push(record)
    if (this.queue.length > this.maxQueue) {
      this.queue.shift()
      if (this.dropped++ % 10_000 === 0) console.error('[metering] queue full: dropping the oldest call records')
    }
    if (this.queue.length >= this.maxBatch && !this.flushing) void this.flush()
  }

  get pending(): number {
    return this.queue.length + (this.failed?.rows.length ?? 0)
  }

  /** Writes everything queued so far; concurrent callers share one run. Never throws. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null
    })
    return this.flushing
  }

  private async drain(): Promise<void> {
    while (this.failed || this.queue.length > 0) {
      const batch = this.failed ?? prepareBatch(this.queue.splice(0, this.maxBatch), this.leaseInstanceId)
      try {
        batch.attempts++
        const outcome = await this.sink.write(batch)
        this.failed = null
        if (outcome === 'written') this.written += batch.rows.length
        this.onWritten?.(batch.rows)
      } catch (error) {
        // Keep the batch; the next tick retries it before anything newer.
        this.failed = batch
        if (batch.attempts === 1 || batch.attempts % 20 === 0) {
          // One line: a clash of client-sent request ids (P2002) is routine and fixed on retry.
          const reason = (error as { code?: string }).code ?? String((error as Error).message).split('\n')[0]
          console.error(
            `[metering] batch of ${batch.rows.length} failed (attempt ${batch.attempts}, ${reason}); retrying`,
          )
        }
        return
      }
    }
  }

  /** Stops the timer and flushes until empty, retrying failures for up to `timeoutMs`. */
  async close(timeoutMs = 15_000): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const deadline = Date.now() + timeoutMs
    await this.flush()
    while (this.pending > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      await this.flush()
    }
    if (this.pending > 0) console.error(`[metering] shutting down with ${this.pending} unwritten call records`)
    await this.sink.close()
  }
}
