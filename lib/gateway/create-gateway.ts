import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Db } from '../db'
import { createBatchSink, InvocationWriter } from '../metering/invocation-writer'
import { DEFAULT_GRANT_POLICY, GatewayCharging } from '../charging/gateway-charging'
import type { GrantPolicy } from '../charging/lease-store'
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
  /** Billing (default: reservations against credit leases); `false` turns it off (the benchmark's baseline). */
  charging?: Charging | false
  /** How credit leases are sized (default: the last 1.00 of an account is reserved call by call). */
  grantPolicy?: GrantPolicy
  maxBodyBytes?: number
  pollMs?: number
  flushMs?: number
  maxBatch?: number
}

export type Gateway = {
  handle: (req: IncomingMessage, res: ServerResponse) => void
  store: SnapshotStore
  writer: InvocationWriter
  charging: Charging
  /** Loads the first snapshot and starts the poller and the writer's timer. */
  start(): Promise<void>
  /** Flushes every queued call record (retrying for up to `flushTimeoutMs`) and releases timers and upstream sockets. */
  stop(flushTimeoutMs?: number): Promise<void>
}

const envNumber = (name: string): number | undefined => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : undefined
}

function chargingFor(options: GatewayOptions, store: SnapshotStore): Charging {
  if (options.charging === false || process.env.GATEWAY_CHARGING === 'off') return noCharging
  if (options.charging) return options.charging
  const floor = process.env.BILLING_LEASE_FLOOR_MICROS
  const policy =
    options.grantPolicy ??
    (floor === undefined ? DEFAULT_GRANT_POLICY : { ...DEFAULT_GRANT_POLICY, floorMicros: BigInt(floor) })
  return new GatewayCharging(options.db, store, policy)
}

export function createGateway(options: GatewayOptions): Gateway {
  const store = new SnapshotStore(options.db, options.pollMs ?? envNumber('GATEWAY_POLL_MS') ?? DEFAULT_POLL_MS)
  const charging = chargingFor(options, store)
  const writer = new InvocationWriter(createBatchSink(options.db, options.databaseUrl), {
    flushMs: options.flushMs ?? envNumber('METERING_FLUSH_MS'),
    maxBatch: options.maxBatch ?? envNumber('METERING_BATCH_ROWS'),
    leaseInstanceId: charging.instanceId ?? null,
    onWritten: charging.written ? (records) => charging.written!(records) : undefined,
  })
  const handle = createGatewayHandler({
    store,
    meter: writer,
    limiter: new RateLimiter(),
    charging,
    maxBodyBytes: options.maxBodyBytes ?? envNumber('GATEWAY_MAX_BODY_BYTES') ?? DEFAULT_MAX_BODY_BYTES,
  })
  return {
    handle,
    store,
    writer,
    charging,
    async start() {
      await store.start()
      writer.start()
      charging.start?.()
    },
    async stop(flushTimeoutMs) {
      await store.stop()
      // Charges first: the leases they were spent from are released only once they are written.
      await writer.close(flushTimeoutMs)
      await charging.stop?.()
    },
  }
}
