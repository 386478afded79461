import type { IncomingMessage, ServerResponse } from 'node:http'
import { AiGateway } from '../lib/ai/gateway/ai-gateway'
import type { CooldownPolicy } from '../lib/ai/gateway/target-health'
import { loadTokenizer } from '../lib/ai/count-tokens'
import { CaptureStore } from '../lib/calls/capture/capture-store'
import { DEFAULT_GRANT_POLICY, LeaseCharging } from '../lib/charging/lease-charging'
import type { GrantPolicy } from '../lib/charging/lease-store'
import { isPostgresUrl, type Db } from '../lib/db'
import { noCharging, type ChargingStep } from '../lib/gateway/charging-step'
import { createGatewayHandler } from '../lib/gateway/handle-gateway-request'
import type { WindowLimiter } from '../lib/gateway/rate-limiter'
import { createWindowLimiter } from '../lib/gateway/shared-rate-limit'
import { connectRedis, redisReady } from '../lib/redis/connect-redis'
import type { SharedQuotaStore } from '../lib/charging/free-quota'
import { DEFAULT_POLL_MS, SnapshotStore } from '../lib/gateway/snapshot-store'
import { createCallSpool } from '../lib/metering/call-spool'
import { createBatchSink, InvocationWriter } from '../lib/metering/invocation-writer'
import { samplingFromEnv, type SamplingOptions } from '../lib/metering/raw-log-sampler'
import { observingMeter, observingSink, watchGateway } from '../lib/metrics/observe-gateway'

// Wires one gateway instance: the data plane (lib/gateway: snapshot kept fresh, rate limiter,
// request handler) with what plugs into it, the metering writer (lib/metering) and the charging
// step (lib/charging). server/index.ts and server/run-gateway-server.ts mount `handle`; tests do too.

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
const REDIS_READY_WAIT_MS = 2_000

export type GatewayOptions = {
  db: Db
  /** The URL `db` was made from; for SQLite it lets metering write from its own thread. */
  databaseUrl?: string
  /** Billing (default: reservations against credit leases); `false` turns it off (the benchmark's baseline). */
  charging?: ChargingStep | false
  /** How credit leases are sized (default: the last 1.00 of an account is reserved call by call). */
  grantPolicy?: GrantPolicy
  maxBodyBytes?: number
  pollMs?: number
  flushMs?: number
  maxBatch?: number
  /** AI routes: how many failures in a row cool a provider target down, and for how long (default 3, 30 s). */
  aiCooldown?: CooldownPolicy
  /** AI routes: the random source of WEIGHTED routes (tests pin it). */
  aiRandom?: () => number
  /** Rate limits, tokens per minute and free quotas shared by every instance through Redis (default REDIS_URL); unset, each instance counts alone. */
  redisUrl?: string
  /** The Redis keys' prefix (default GATEWAY_REDIS_PREFIX or `tollgate:gw`): instances sharing limits share it. */
  redisKeyPrefix?: string
  /** Raw-log sampling (default from INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND); null keeps every row. */
  sampling?: SamplingOptions | null
}

export type Gateway = {
  handle: (req: IncomingMessage, res: ServerResponse) => void
  store: SnapshotStore
  writer: InvocationWriter
  charging: ChargingStep
  ai: AiGateway
  limiter: WindowLimiter
  /** Headers and bodies of calls to versions with capture on (lib/calls/capture). */
  captures: CaptureStore
  /** Loads the first snapshot and starts the poller and the writer's timer. */
  start(): Promise<void>
  /** Flushes every queued call record (retrying for up to `flushTimeoutMs`) and releases timers and upstream sockets. */
  stop(flushTimeoutMs?: number): Promise<void>
}

const envNumber = (name: string): number | undefined => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : undefined
}

function chargingFor(
  options: GatewayOptions,
  store: SnapshotStore,
  sharedQuota: SharedQuotaStore | null,
): ChargingStep {
  if (options.charging === false || process.env.GATEWAY_CHARGING === 'off') return noCharging
  if (options.charging) return options.charging
  const floor = process.env.BILLING_LEASE_FLOOR_MICROS
  const policy =
    options.grantPolicy ??
    (floor === undefined ? DEFAULT_GRANT_POLICY : { ...DEFAULT_GRANT_POLICY, floorMicros: BigInt(floor) })
  return new LeaseCharging(options.db, store, policy, sharedQuota)
}

export function createGateway(options: GatewayOptions): Gateway {
  const store = new SnapshotStore(options.db, {
    pollMs: options.pollMs ?? envNumber('GATEWAY_POLL_MS') ?? DEFAULT_POLL_MS,
    // On PostgreSQL, changes from every process arrive through LISTEN/NOTIFY; the poll stays as the fallback.
    listenUrl: options.databaseUrl && isPostgresUrl(options.databaseUrl) ? options.databaseUrl : undefined,
    listenRetryMs: envNumber('GATEWAY_LISTEN_RETRY_MS'),
    trace: process.env.GATEWAY_TRACE_CONFIG === '1',
  })
  // One Redis connection shares this instance's rate limits, tokens per minute and free quota.
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL
  const redis = redisUrl ? connectRedis(redisUrl, 'gateway') : null
  const keyPrefix = options.redisKeyPrefix ?? process.env.GATEWAY_REDIS_PREFIX ?? 'tollgate:gw'
  const charging = chargingFor(options, store, redis ? { redis, keyPrefix } : null)
  // Metrics observe the seams (each call record, each batch write), never the data plane's code.
  const writer = new InvocationWriter(observingSink(createBatchSink(options.db, options.databaseUrl)), {
    flushMs: options.flushMs ?? envNumber('METERING_FLUSH_MS'),
    maxBatch: options.maxBatch ?? envNumber('METERING_BATCH_ROWS'),
    leaseInstanceId: charging.instanceId ?? null,
    onWritten: charging.written ? (records) => charging.written!(records) : undefined,
    spool: createCallSpool(options.databaseUrl, charging.instanceId ?? null),
    sampling: options.sampling === undefined ? samplingFromEnv() : options.sampling,
  })
  const maxBodyBytes = options.maxBodyBytes ?? envNumber('GATEWAY_MAX_BODY_BYTES') ?? DEFAULT_MAX_BODY_BYTES
  const cooldown = options.aiCooldown ?? {
    failures: envNumber('AI_COOLDOWN_FAILURES') ?? 3,
    cooldownMs: envNumber('AI_COOLDOWN_MS') ?? 30_000,
  }
  const limiter = createWindowLimiter(redis, keyPrefix)
  const captures = new CaptureStore(options.db)
  const ai = new AiGateway(charging, maxBodyBytes, { cooldown, random: options.aiRandom, tokens: limiter, captures })
  const handle = createGatewayHandler({
    store,
    meter: observingMeter(writer),
    limiter,
    charging,
    maxBodyBytes,
    ai,
    captures,
  })
  watchGateway({ store, writer })
  return {
    handle,
    store,
    writer,
    charging,
    ai,
    limiter,
    captures,
    async start() {
      // The tokenizer takes ~0.7 s to build: once here rather than in the first AI call.
      loadTokenizer()
      await store.start()
      // Shared counting from the first call when Redis answers soon; otherwise local until it does.
      if (redis) await redisReady(redis, REDIS_READY_WAIT_MS)
      writer.start()
      captures.start()
      charging.start?.()
    },
    async stop(flushTimeoutMs) {
      await store.stop()
      // Charges first: the leases they were spent from are released only once they are written.
      await writer.close(flushTimeoutMs)
      await captures.close()
      await charging.stop?.()
      redis?.disconnect()
    },
  }
}
