import { RateLimiterRes } from 'rate-limiter-flexible'
import { createCounterStore, type CounterStore } from '@/lib/auth/login-counters'
import { AppError } from '@/lib/errors/app-error'

// Management calls are limited per token, in the same counter store as the sign-in limits (shared
// through Redis when REDIS_URL is set, in memory otherwise). A script in a loop slows itself down
// and nobody else. TOLLGATE_MANAGEMENT_RATE_LIMIT is calls per minute per token (default 600).
const DEFAULT_CALLS_PER_MINUTE = 600

let store: CounterStore | null = null
const limiters = new Map<number, ReturnType<CounterStore['counter']>>()

function limiterFor(points: number) {
  store ??= createCounterStore({ redisUrl: process.env.REDIS_URL, keyPrefix: 'tollgate:management' })
  let limiter = limiters.get(points)
  if (!limiter) {
    limiter = store.counter({ name: `token-${points}`, points, duration: 60 })
    limiters.set(points, limiter)
  }
  return limiter
}

function callsPerMinute(): number {
  const configured = Number(process.env.TOLLGATE_MANAGEMENT_RATE_LIMIT)
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_CALLS_PER_MINUTE
}

/** Takes one call from the token's budget, or throws 429 with how long to wait. */
export async function consumeManagementCall(tokenId: string): Promise<void> {
  const points = callsPerMinute()
  try {
    await limiterFor(points).consume(tokenId)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw new AppError({
      code: 'rate_limited',
      status: 429,
      message: `Too many management calls for this token (${points} a minute)`,
      extra: { retryAfterSeconds },
    })
  }
}
