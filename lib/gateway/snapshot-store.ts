import type { Db } from '../db'
import { onConfigChange } from '../config-events/config-bus'
import { listenConfigChanges, type ConfigListener } from '../config-events/listen-config-changes'
import { readConfigVersion } from '../config-events/read-config-version'
import { loadSnapshot } from './load-snapshot'
import { EMPTY_SNAPSHOT, type Snapshot } from './snapshot-types'
import { UpstreamPools } from './upstream-pools'

// Holds the current snapshot and keeps it fresh: it subscribes to config events, reloading at once
// on a change published in this process (the config bus) or, on PostgreSQL, in any process
// (LISTEN/NOTIFY), and polling the version row as the fallback for changes whose notification was
// lost (and the only way across processes on SQLite). Reloads are coalesced: however many changes
// arrive during a load, exactly one more load follows.

export const DEFAULT_POLL_MS = 300

export type SnapshotStoreOptions = {
  pollMs?: number
  /** A PostgreSQL URL: LISTEN there for changes published by other processes. */
  listenUrl?: string
  /** How long a lost listener connection waits before reconnecting. */
  listenRetryMs?: number
}

export class SnapshotStore {
  current: Snapshot = EMPTY_SNAPSHOT
  readonly pools = new UpstreamPools()
  private loading: Promise<void> | null = null
  private reloadAgain = false
  private pollTimer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  private polling = false
  private listener: ConfigListener | null = null
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
    const onVersion = (version: number) => {
      if (version !== this.current.version) void this.reload()
    }
    this.unsubscribe = onConfigChange(onVersion)
    if (this.options.listenUrl) {
      this.listener = listenConfigChanges(this.options.listenUrl, {
        onVersion,
        // Notifications sent while the connection was down are gone: read the version row now.
        onReconnect: () => void this.poll(),
        retryMs: this.options.listenRetryMs,
      })
    }
    this.pollTimer = setInterval(() => void this.poll(), this.pollMs)
    // The poller must not keep a process alive on its own; the HTTP server does that.
    this.pollTimer.unref()
  }

  /** Builds a new snapshot, then swaps it in with one assignment (atomic for the event loop). */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true
      return this.loading
    }
    this.loading = (async () => {
      try {
        do {
          this.reloadAgain = false
          this.current = await loadSnapshot(this.db, this.pools)
        } while (this.reloadAgain)
      } catch (error) {
        // Keep serving the last good snapshot; the next poll or bump retries.
        console.error('[gateway] snapshot reload failed', error)
      } finally {
        this.loading = null
      }
    })()
    return this.loading
  }

  private async poll(): Promise<void> {
    if (this.polling || this.loading) return
    this.polling = true
    try {
      const version = await readConfigVersion(this.db)
      if (version !== this.current.version) await this.reload()
    } catch (error) {
      console.error('[gateway] config version poll failed', error)
    } finally {
      this.polling = false
    }
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
    this.unsubscribe?.()
    this.unsubscribe = null
    await this.listener?.close()
    this.listener = null
    await this.loading
    await this.pools.close()
  }
}
