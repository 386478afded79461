import { isPostgresUrl, sqliteFilePath, type Db } from '../db'
import { randomToken } from '../ids'
import type { InvocationRecord, Meter } from '../gateway/invocation-record'
import type { BatchSink, MeteredCall } from './batch-sink'
import type { CallSpool } from './call-spool'
import { RawLogSampler, type SamplingOptions } from './raw-log-sampler'
import { PgBatchSink } from './pg-batch-sink'
import { PrismaBatchSink } from './prisma-batch-sink'
import { SqliteThreadSink } from './sqlite-thread-sink'

// Batched, asynchronous metering. The hot path gives the call its Invocation id, pushes it onto an
// array and appends it to the spool (see call-spool.ts); a timer (every 250 ms) or a full batch
// (500 rows) triggers a flush, one transaction per batch, and flushes asked for in the same tick
// share one batch. A failed batch is kept and retried first; every write is idempotent by call id,
// so rows are neither lost nor written twice.

export type WriterOptions = {
  flushMs?: number
  maxBatch?: number
  /** Beyond this many queued rows (a database down for a long time) the oldest are dropped. */
  maxQueue?: number
  /** The gateway instance whose credit leases the batches' charges spend (see lib/charging). */
  leaseInstanceId?: string | null
  /** Told about every batch once it is committed (the charging step tracks unwritten charges). */
  onWritten?: (records: readonly InvocationRecord[]) => void
  /** Crash durability: calls are spooled to disk before they are committed, and replayed on start. */
  spool?: CallSpool | null
  /** Raw-log sampling (raw-log-sampler.ts); null or unset keeps every call's Invocation row. */
  sampling?: SamplingOptions | null
}

/**
 * SQLite with a known file: a writer thread (fast, off the event loop); PostgreSQL: node-postgres
 * with prepared statements. Without a URL, Prisma. The URL must be the one `db` was created from.
 */
export function createBatchSink(db: Db, databaseUrl?: string): BatchSink {
  if (!databaseUrl) return new PrismaBatchSink(db, 'sqlite')
  return isPostgresUrl(databaseUrl) ? new PgBatchSink(databaseUrl) : new SqliteThreadSink(sqliteFilePath(databaseUrl))
}

// Invocation ids: "inv_" + 9 chars of milliseconds + 5 per process + a 6-char counter. Unique
// without a random draw per call, and time-ordered, so inserts append to the primary-key index.
const PROCESS_TAG = randomToken(5)
let callCounter = 0
function nextCallId(now: number): string {
  callCounter = (callCounter + 1) % 2_176_782_336 // 36^6
  return `inv_${now.toString(36).padStart(9, '0')}${PROCESS_TAG}${callCounter.toString(36).padStart(6, '0')}`
}

export class InvocationWriter implements Meter {
  private queue: MeteredCall[] = []
  private failed: MeteredCall[] | null = null
  private failedAttempts = 0
  private flushing: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly flushMs: number
  private readonly maxBatch: number
  private readonly maxQueue: number
  private readonly leaseInstanceId: string | null
  private readonly onWritten: ((records: readonly InvocationRecord[]) => void) | null
  private readonly spool: CallSpool | null
  private readonly sampler: RawLogSampler | null
  /** With sampling on, this writer's stream and the last seq it gave (stream-checkpoints.ts). */
  private readonly stream = randomToken(10)
  private seq = 0
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
    this.spool = options.spool ?? null
    this.sampler = options.sampling ? new RawLogSampler(options.sampling) : null
  }

  /** Replays what a dead process left in the spool (before any new call), then starts the timers. */
  start(): void {
    if (this.timer) return
    this.sink.warm?.()
    if (this.spool) {
      const recovered = this.spool.recover()
      if (recovered.length > 0) console.log(`[metering] replaying ${recovered.length} spooled call records`)
      this.queue.unshift(...recovered)
      this.spool.start()
    }
    this.timer = setInterval(() => void this.flush(), this.flushMs)
    // The writer alone must not keep the process alive; shutdown calls close() explicitly.
    this.timer.unref()
  }

  record(record: InvocationRecord): void {
    const call = record as MeteredCall
    call.id = nextCallId(record.createdAt)
    call.leaseInstanceId = this.leaseInstanceId
    if (this.sampler !== null) {
      // Every call of the stream is sequenced, kept rows too: the checkpoint counts a prefix.
      call.stream = this.stream
      call.seq = ++this.seq
      if (this.sampler.leavesOut(record)) call.rowSampledOut = true
    }
    this.spool?.append(call)
    this.queue.push(call)
    if (this.queue.length > this.maxQueue) {
      this.queue.shift()
      this.spool?.committed(1)
      if (this.dropped++ % 10_000 === 0) console.error('[metering] queue full: dropping the oldest call records')
    }
    if (this.queue.length >= this.maxBatch && !this.flushing) void this.flush()
  }

  get pending(): number {
    return this.queue.length + (this.failed?.length ?? 0)
  }

  /** Writes everything queued so far; callers in the same tick share one run. Never throws. */
  flush(): Promise<void> {
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.flushing = null
      })
    return this.flushing
  }

  private async drain(): Promise<void> {
    while (this.failed || this.queue.length > 0) {
      const batch = this.failed ?? this.queue.splice(0, this.maxBatch)
      try {
        this.written += await this.sink.write(batch)
        this.failed = null
        this.failedAttempts = 0
        this.spool?.committed(batch.length)
        // Calls replayed from a dead process were never reserved by this one's charging step.
        this.onWritten?.(batch.some((c) => c.replayed) ? batch.filter((c) => !c.replayed) : batch)
      } catch (error) {
        // Keep the batch; the next tick retries it before anything newer.
        this.failed = batch
        this.failedAttempts++
        if (this.failedAttempts === 1 || this.failedAttempts % 20 === 0) {
          const reason = (error as { code?: string }).code ?? String((error as Error).message).split('\n')[0]
          console.error(
            `[metering] batch of ${batch.length} failed (attempt ${this.failedAttempts}, ${reason}); retrying`,
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
    // What is still unwritten stays in the spool for the next start.
    this.spool?.close()
    await this.sink.close()
  }
}
