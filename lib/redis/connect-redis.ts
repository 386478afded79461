import { Redis } from 'ioredis'

// The one way Tollgate opens a Redis connection for counters (sign-in limits, management API
// limits, the gateway's shared rate limits). A command while disconnected fails at once (no
// offline queue) and a slow one times out, so callers fall back to counting in memory instead of
// waiting; the client keeps reconnecting in the background.

/** A command that takes longer than this is treated like Redis being down. */
export const REDIS_COMMAND_TIMEOUT_MS = 500

/** `label` names the user of the connection in its log lines (`auth`, `gateway`). */
export function connectRedis(url: string, label: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  })
  // One line per outage, not one per reconnect attempt.
  let down = false
  client.on('error', (error: Error) => {
    if (down) return
    down = true
    console.warn(`[${label}] Redis unavailable (${error.message}); counting in memory until it is back`)
  })
  client.on('ready', () => {
    if (down) console.warn(`[${label}] Redis is back`)
    down = false
  })
  return client
}

/** Resolves true once `client` is connected, false after `timeoutMs`. */
export function redisReady(client: Redis, timeoutMs: number): Promise<boolean> {
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
