import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Db } from '../db'
import { createBatchSink, InvocationWriter } from '../metering/invocation-writer'
import type { Charging } from './charging'
import { noCharging } from './charging'
import { createGatewayHandler } from './handle-gateway-request'
import { RateLimiter } from './rate-limiter'
import { DEFAULT_POLL_MS, SnapshotStore } from './snapshot-store'

// Wires one gateway instance: snapshot (kept fresh), rate limiter, metering writer and the
// request handler. server/index.ts and server/gateway-only.ts mount `handle`; tests do too.

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024

export type GatewayOptions = {
  db: Db
  /** The URL `db` was made from; for SQLite it lets metering write from its own thread. */
  databaseUrl?: string
  charging?: Charging
  maxBodyBytes?: number
  pollMs?: number
  flushMs?: number
  maxBatch?: number
}

export type Gateway = {
  handle: (req: IncomingMessage, res: ServerResponse) => void
  store: SnapshotStore
  writer: InvocationWriter
  /** Loads the first snapshot and starts the poller and the writer's timer. */
  start(): Promise<void>
  /** Flushes every queued call record and releases timers and upstream sockets. */
  stop(): Promise<void>
}


const envNumber = (name: string): number | undefined => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : undefined
}

export function createGateway(options: GatewayOptions): Gateway {
  const store = new SnapshotStore(options.db, options.pollMs ?? envNumber('GATEWAY_POLL_MS') ?? DEFAULT_POLL_MS)
  const writer = new InvocationWriter(createBatchSink(options.db, options.databaseUrl), {
    flushMs: options.flushMs ?? envNumber('METERING_FLUSH_MS'),
    maxBatch: options.maxBatch ?? envNumber('METERING_BATCH_ROWS'),
  })
  const handle = createGatewayHandler({
    store,
    meter: writer,
    limiter: new RateLimiter(),
    charging: options.charging ?? noCharging,
    maxBodyBytes: options.maxBodyBytes ?? envNumber('GATEWAY_MAX_BODY_BYTES') ?? DEFAULT_MAX_BODY_BYTES,
  })
  return {
    handle,
    store,
    writer,
    async start() {
      await store.start()
      writer.start()
    },
    async stop() {
      await store.stop()
      await writer.close()
    },
  }
}
