import pg from 'pg'
import type { ChangeRow } from './change-rows'
import { decodeConfigNotice, type ConfigChange } from './config-change'
import { CONFIG_CHANNEL } from './config-channel'

// The other-process side of config events on PostgreSQL: one dedicated connection LISTENs on the
// config channel and hands each published version (and the change it names, with the row when the
// payload carries it) to `onVersion`. A dropped connection is reopened after `retryMs`;
// notifications sent meanwhile are lost, so `onReconnect` lets the caller check the version row at
// once (and its poll covers the gap in any case).

/** The connection's application_name, with the process id: what an operator (or a test) finds in pg_stat_activity. */
export function listenerApplicationName(pid = process.pid): string {
  return `tollgate-config-listener:${pid}`
}

export type ConfigListener = {
  /** Resolves once the first LISTEN is in place, or false when the database refused it. */
  ready: Promise<boolean>
  /** Whether LISTEN is in place right now: notifications are arriving. */
  connected(): boolean
  close(): Promise<void>
}

export type ListenOptions = {
  onVersion: (version: number, change?: ConfigChange, row?: ChangeRow) => void
  onReconnect?: () => void
  retryMs?: number
}

export function listenConfigChanges(url: string, options: ListenOptions): ConfigListener {
  const retryMs = options.retryMs ?? 1_000
  let client: pg.Client | null = null
  let retryTimer: NodeJS.Timeout | null = null
  let closed = false
  let connectedOnce = false
  // One line per outage, not one per reconnect attempt.
  let warned = false
  let announceReady: (ok: boolean) => void = () => {}
  const ready = new Promise<boolean>((resolve) => (announceReady = resolve))

  const scheduleRetry = () => {
    if (closed || retryTimer) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      void connect()
    }, retryMs)
    retryTimer.unref()
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: listenerApplicationName() })
    let dropped = false
    const drop = (error?: Error) => {
      if (dropped) return
      dropped = true
      if (error && !closed && !warned) {
        warned = true
        console.warn(`[gateway] config listener lost (${error.message}); polling until it is back`)
      }
      if (client === next) client = null
      next.end().catch(() => {})
      scheduleRetry()
    }
    next.on('error', drop)
    next.on('end', () => drop())
    next.on('notification', (message) => {
      const notice = message.channel === CONFIG_CHANNEL ? decodeConfigNotice(message.payload ?? '') : null
      if (notice) options.onVersion(notice.version, notice.change, notice.row)
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CONFIG_CHANNEL}`)
    } catch (error) {
      drop(error as Error)
      announceReady(false)
      return
    }
    if (closed) return void next.end().catch(() => {})
    client = next
    warned = false
    if (connectedOnce) options.onReconnect?.()
    connectedOnce = true
    announceReady(true)
  }

  void connect()
  return {
    ready,
    connected: () => client !== null,
    async close() {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      retryTimer = null
      await client?.end().catch(() => {})
      client = null
    },
  }
}
