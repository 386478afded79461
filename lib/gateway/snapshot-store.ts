import type { Db } from '../db'
import { onConfigChange } from '../config-events/config-bus'
import type { ChangeRow } from '../config-events/change-rows'
import type { ConfigChange } from '../config-events/config-change'
import { listenConfigChanges, type ConfigListener } from '../config-events/listen-config-changes'
import { readConfigVersion } from '../config-events/read-config-version'
import { applyConfigDelta } from './apply-config-delta'
import { loadSnapshot } from './load-snapshot'
import { EMPTY_SNAPSHOT, type Snapshot } from './snapshot-types'
import { UpstreamPools } from './upstream-pools'

// Holds the current snapshot and keeps it fresh: it subscribes to config events, published in this
// process (the config bus) or, on PostgreSQL, in any process (LISTEN/NOTIFY), and polls the version
// row as the fallback for changes whose notification was lost (the only way across processes on
// SQLite). An event that names one row and is the very next version is applied as a delta (the
// row from the NOTIFY payload, or re-read); anything else (a gap, a wider change, the poll) reloads in full. All of it runs
// one step at a time, and a snapshot never replaces one of a newer version.

export const DEFAULT_POLL_MS = 300

export type SnapshotStoreOptions = {
  pollMs?: number
  /** A PostgreSQL URL: LISTEN there for changes published by other processes. */
  listenUrl?: string
  /** How long a lost listener connection waits before reconnecting. */
  listenRetryMs?: number
  /** Log each snapshot swapped in: how, when its event was heard, how long it took (the bench reads it). */
  trace?: boolean
}

/**
 * `committed`: it came by NOTIFY, which PostgreSQL sends only once the change committed; `row`:
 * the changed row, when the payload carried it.
 */
type Notice = { version: number; change?: ConfigChange; row?: ChangeRow; heardAt: number; committed: boolean }

export class SnapshotStore {
  current: Snapshot = EMPTY_SNAPSHOT
  readonly pools = new UpstreamPools()
  private notices: Notice[] = []
  private fullWanted: number | null = null
  private running: Promise<void> | null = null
  private pollTimer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  private listener: ConfigListener | null = null
  /** The snapshot's version when the last poll found the database elsewhere (null: it was not). */
  private stuckAt: number | null = null
  private readonly pollMs: number

  constructor(
    private readonly db: Db,
    private readonly options: SnapshotStoreOptions = {},
  ) {
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS
  }

  async start(): Promise<void> {
    // The first load throws: a gateway that cannot read its config must not start serving.
    this.current = await loadSnapshot(this.db, this.pools)
    const heard = (committed: boolean) => (version: number, change?: ConfigChange, row?: ChangeRow) => {
      if (version <= this.current.version) return
      this.notices.push({ version, change, row, heardAt: performance.now(), committed })
      void this.run()
    }
    this.unsubscribe = onConfigChange(heard(false))
    if (this.options.listenUrl) {
      this.listener = listenConfigChanges(this.options.listenUrl, {
        onVersion: heard(true),
        // Notifications sent while the connection was down are gone: read the version row now.
        onReconnect: () => void this.poll(),
        retryMs: this.options.listenRetryMs,
      })
    }
    this.pollTimer = setInterval(() => void this.poll(), this.pollMs)
    // The poller must not keep a process alive on its own; the HTTP server does that.
    this.pollTimer.unref()
  }

  /** Reloads everything from the database; resolves once the new snapshot is in. */
  reload(): Promise<void> {
    this.fullWanted ??= performance.now()
    return this.run()
  }

  private run(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.fullWanted !== null || this.notices.length > 0) await this.step()
      } finally {
        this.running = null
      }
    })()
    return this.running
  }

  private async step(): Promise<void> {
    try {
      if (this.fullWanted !== null) {
        const heardAt = this.fullWanted
        this.fullWanted = null
        this.swap(await loadSnapshot(this.db, this.pools), 'full', heardAt)
        return
      }
      const notice = this.notices.shift()!
      if (notice.version <= this.current.version) return
      // A skipped version (its notification lost) or a change no row tells: reload everything.
      if (!notice.change || notice.version !== this.current.version + 1) {
        this.fullWanted = notice.heardAt
        return
      }
      const outcome = await applyConfigDelta(this.db, this.current, { ...notice, change: notice.change })
      if (outcome === 'full') this.fullWanted = notice.heardAt
      else if (outcome !== 'not-committed') this.swap(outcome, 'delta', notice.heardAt)
    } catch (error) {
      // Keep serving the last good snapshot; the next poll or event retries.
      console.error('[gateway] snapshot reload failed', error)
    }
  }

  /**
   * One assignment (atomic for the event loop). It never goes back: steps run one at a time, a
   * delta is exactly the next version, and a full load reads the version row before anything else.
   */
  private swap(next: Snapshot, how: 'delta' | 'full', heardAt: number): void {
    this.current = next
    this.notices = this.notices.filter((n) => n.version > next.version)
    if (this.options.trace) {
      // Epoch milliseconds, comparable with another process's clock on the same machine.
      const epoch = (at: number) => (performance.timeOrigin + at).toFixed(1)
      const now = performance.now()
      console.log(`[gateway] config v${next.version} ${how} heard ${epoch(heardAt)} swapped ${epoch(now)}`)
    }
  }

  private async poll(): Promise<void> {
    if (this.running) return
    try {
      const version = await readConfigVersion(this.db)
      const behind = version !== this.current.version
      // With the listener up, a change first seen here has one more interval for its own
      // notification (and its one-row delta) to land, rather than racing it with a full reload:
      // reload when the snapshot has not moved since the last poll found it behind too.
      const lost = behind && (!this.listener?.connected() || this.stuckAt === this.current.version)
      this.stuckAt = behind ? this.current.version : null
      if (lost && !this.running) await this.reload()
    } catch (error) {
      console.error('[gateway] config version poll failed', error)
    }
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
    this.unsubscribe?.()
    this.unsubscribe = null
    await this.listener?.close()
    this.listener = null
    await this.running
    await this.pools.close()
  }
}
