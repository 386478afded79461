import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { connectRedis, redisReady } from '../redis/connect-redis'

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

export function createCounterStore({ redisUrl, keyPrefix }: { redisUrl?: string; keyPrefix: string }): CounterStore {
  if (!redisUrl) {
    return {
      kind: 'memory',
      counter: (options) => new RateLimiterMemory(limiterOptions(keyPrefix, options)),
      ready: async () => true,
      close: async () => {},
    }
  }
  const client = connectRedis(redisUrl, 'auth')
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
