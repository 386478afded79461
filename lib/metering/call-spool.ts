import {
  close,
  closeSync,
  fdatasync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { isPostgresUrl, sqliteFilePath } from '../db'
import type { MeteredCall } from './batch-sink'
import { decodeCalls, encodeCall } from './spool-codec'

// Durability between "answered" and "committed": every call record is appended to a spool file
// (in groups, at most `groupMs` apart) before the writer batches it into the database. A process
// killed with SIGKILL loses only the group not yet written; the next start replays the dead
// process's files, and the metering program skips the calls already committed (by id), so a
// replay never writes or charges a call twice. Only a machine crash can lose more: what the OS
// had not flushed, bounded by `fsyncMs`.
//
// The writer commits calls in the order they were spooled (a failed batch is retried first), so
// one running count of committed calls says which files are wholly in the database and can go.

export type SpoolOptions = {
  dir: string
  /** The gateway instance whose credit leases the spooled charges spend (kept in the file name). */
  instanceId: string | null
  /** How long a call may wait in memory before its line is written (default 10 ms). */
  groupMs?: number
  /** How often the current file is fdatasync'ed (default 1 s). */
  fsyncMs?: number
  /** A new file after this long, so committed files can be deleted (default 2 s). */
  rotateMs?: number
}

type SpoolFile = { file: string; calls: number }

const FILE_PATTERN = /^calls-(\d+)-(.+)-(\d+)\.spool$/
const NO_INSTANCE = 'none'

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export class CallSpool {
  private readonly dir: string
  private readonly tag: string
  private readonly groupMs: number
  private readonly rotateMs: number
  /** Files not yet wholly committed, oldest first: recovered ones, then this process's. */
  private readonly files: SpoolFile[] = []
  private fd: number | null = null
  private openedAt = 0
  private seq = 0
  private buffer = ''
  private buffered = 0
  private groupStartedAt = 0
  private committedInFirst = 0
  private timers: NodeJS.Timeout[] = []

  constructor(private readonly options: SpoolOptions) {
    this.dir = options.dir
    this.tag = `${process.pid}-${options.instanceId ?? NO_INSTANCE}`
    this.groupMs = options.groupMs ?? 10
    this.rotateMs = options.rotateMs ?? 2_000
    mkdirSync(this.dir, { recursive: true })
  }

  /**
   * The calls in files left by processes that are gone, oldest first. They stay on disk until
   * `committed` has counted them; hand them to the writer before any new call.
   */
  recover(): MeteredCall[] {
    const recovered: MeteredCall[] = []
    const names = readdirSync(this.dir)
      .map((name) => ({ name, match: FILE_PATTERN.exec(name) }))
      .filter(({ match }) => match !== null && !processAlive(Number(match[1])))
      .sort((a, b) => Number(a.match![3]) - Number(b.match![3]))
    for (const { name, match } of names) {
      const file = path.join(this.dir, name)
      const instance = match![2] === NO_INSTANCE ? null : match![2]
      const calls = decodeCalls(readFileSync(file, 'utf8'), instance)
      this.files.push({ file, calls: calls.length })
      recovered.push(...calls)
    }
    this.dropCommitted()
    return recovered
  }

  start(): void {
    if (this.timers.length > 0) return
    const group = setInterval(() => this.writeGroup(), this.groupMs)
    const sync = setInterval(() => {
      if (this.fd !== null) fdatasync(this.fd, () => {})
    }, this.options.fsyncMs ?? 1_000)
    for (const timer of [group, sync]) timer.unref()
    this.timers = [group, sync]
  }

  /**
   * Queues the call's line for the next group write; writes the group now when the timer is late
   * (a busy event loop), so no line waits in memory much longer than `groupMs`.
   */
  append(call: MeteredCall): void {
    this.buffer += encodeCall(call)
    if (this.buffered++ === 0) this.groupStartedAt = performance.now()
    else if (performance.now() - this.groupStartedAt >= this.groupMs) this.writeGroup()
  }

  /** Writes the buffered group (one write call) to the current file. */
  writeGroup(): void {
    if (this.buffered === 0) return
    const now = Date.now()
    if (this.fd === null || now - this.openedAt >= this.rotateMs) this.rotate(now)
    writeSync(this.fd!, this.buffer)
    this.files[this.files.length - 1].calls += this.buffered
    this.buffer = ''
    this.buffered = 0
  }

  private rotate(now: number): void {
    if (this.fd !== null) {
      const old = this.fd
      fdatasync(old, () => close(old, () => {}))
    }
    // Sequence numbers sort files across restarts: the time, then a counter.
    const file = path.join(this.dir, `calls-${this.tag}-${now * 1000 + (this.seq++ % 1000)}.spool`)
    this.fd = openSync(file, 'a')
    this.openedAt = now
    this.files.push({ file, calls: 0 })
  }

  /** The writer committed (or gave up on) the next `n` calls, in spool order. */
  committed(n: number): void {
    this.committedInFirst += n
    this.dropCommitted()
  }

  private dropCommitted(): void {
    while (this.files.length > 0 && this.committedInFirst >= this.files[0].calls) {
      const first = this.files[0]
      // The file being written stays until it is rotated away.
      if (this.fd !== null && this.files.length === 1) break
      this.committedInFirst -= first.calls
      this.files.shift()
      unlinkSync(first.file)
    }
  }

  /** After the writer's last flush: writes what is buffered, and deletes the files all committed. */
  close(): void {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    this.writeGroup()
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    this.dropCommitted()
    try {
      rmdirSync(this.dir) // only when empty: nothing left to replay
    } catch {
      // Files remain (unwritten calls, or another live process's): the next start replays them.
    }
  }
}

/**
 * The spool for a gateway writing to `databaseUrl`, or null when it is off (METERING_SPOOL=off, or
 * no URL is known). One directory per database, so a replay can never land in another one:
 * beside the SQLite file, or data/spool/<hash of the URL> for PostgreSQL (METERING_SPOOL_DIR
 * overrides the parent directory).
 */
export function createCallSpool(databaseUrl: string | undefined, instanceId: string | null): CallSpool | null {
  if (!databaseUrl || process.env.METERING_SPOOL === 'off') return null
  const dir = isPostgresUrl(databaseUrl)
    ? path.resolve(
        process.env.METERING_SPOOL_DIR ?? 'data/spool',
        createHash('sha256').update(databaseUrl).digest('hex').slice(0, 16),
      )
    : `${sqliteFilePath(databaseUrl)}.spool`
  const groupMs = Number(process.env.METERING_SPOOL_GROUP_MS)
  return new CallSpool({ dir, instanceId, groupMs: groupMs > 0 ? groupMs : undefined })
}
