import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'

// Where sign-in counters live. With REDIS_URL they are shared by every console instance; without
// it (the single-process SQLite default) they live in this process's memory. Each Redis counter
// carries an in-memory insurance counter of the same shape (rate-limiter-flexible's
// insuranceLimiter): when Redis is down, slow or gone, counting carries on in memory instead of
// failing the sign-in or locking everyone out.

export type CounterOptions = {
  /** Which counter this is (`ip`, `pair`, ...): part of every key. */
  name: string
  points: number
  /** Seconds from a key's first point until it resets. */
  duration: number
  /** Seconds a key stays refused once it has more than `points`; 0 refuses only until `duration` ends. */
  blockDuration?: number
}

export type CounterStore = {
  counter(options: CounterOptions): RateLimiterAbstract
  kind: 'memory' | 'redis'
  /** Resolves once counting is shared (Redis connected), or at once in memory; false on timeout. */
  ready(timeoutMs?: number): Promise<boolean>
  close(): Promise<void>
}

/** A command that takes longer than this is treated like Redis being down. */
const REDIS_COMMAND_TIMEOUT_MS = 500

export function createCounterStore({ redisUrl, keyPrefix }: { redisUrl?: string; keyPrefix: string }): CounterStore {
  if (!redisUrl) {
    return {
      kind: 'memory',
      counter: (options) => new RateLimiterMemory(limiterOptions(keyPrefix, options)),
      ready: async () => true,
      close: async () => {},
    }
  }
  const client = connectRedis(redisUrl)
  return {
    kind: 'redis',
    counter: (options) =>
      new RateLimiterRedis({
        ...limiterOptions(keyPrefix, options),
        storeClient: client,
        // With the offline queue off, a command while disconnected fails at once (then insurance).
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(limiterOptions(`${keyPrefix}:insurance`, options)),
      } as ConstructorParameters<typeof RateLimiterRedis>[0]),
    ready: (timeoutMs = 5_000) => redisReady(client, timeoutMs),
    close: async () => {
      client.disconnect()
    },
  }
}

function limiterOptions(keyPrefix: string, { name, points, duration, blockDuration = 0 }: CounterOptions) {
  return { keyPrefix: `${keyPrefix}:${name}`, points, duration, blockDuration }
}

function redisReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady)
      resolve(false)
    }, timeoutMs)
    const onReady = () => {
      clearTimeout(timer)
      resolve(true)
    }
    client.once('ready', onReady)
  })
}

function connectRedis(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Keep trying in the background; sign-ins use the insurance counters meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  })
  // One line per outage, not one per reconnect attempt.
  let down = false
  client.on('error', (error: Error) => {
    if (down) return
    down = true
    console.warn(`[auth] Redis for sign-in limits unavailable (${error.message}); counting in memory until it is back`)
  })
  client.on('ready', () => {
    if (down) console.warn('[auth] Redis for sign-in limits is back')
    down = false
  })
  return client
}
