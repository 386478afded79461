import type { Redis } from 'ioredis'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { RateLimiter, resetSecondsOf, windowStartOf, type RateDecision, type WindowLimiter } from './rate-limiter'

// Limits shared by every gateway instance through Redis (REDIS_URL), counted by
// rate-limiter-flexible. Each window has one Redis counter; an instance takes a share of it at a
// time (its local allowance) and spends that share in memory, so the hot path awaits Redis only
// when its share runs out. Shares are cut from what is left: far from the limit an instance takes
// an eighth of the remainder, near it one point at a time, so the limit is exact across instances
// however the calls are split. A share can only be taken below the limit (what an INCRBY took
// past it is handed back), so no interleaving admits more than the limit.
//
// While Redis is unreachable (connection down, command timed out) the calls of that moment are
// counted by the local RateLimiter instead: limits become per instance, and no call fails or
// waits because of Redis.

const SHARE_OF_REMAINDER = 8
/** After a failed Redis command, this long on local limits before Redis is asked again. */
const RETRY_REDIS_AFTER_MS = 1_000
const SWEEP_EVERY_MS = 60_000

type Share = {
  windowStart: number
  /** Points taken from Redis and not spent yet. */
  allowance: number
  /** The Redis counter as last seen (every instance's takings). */
  consumed: number
  /** The counter reached the limit: refuse in memory until the window ends. */
  exhausted: boolean
  fetching: Promise<boolean> | null
}

export class SharedRateLimiter implements WindowLimiter {
  readonly local = new RateLimiter()
  private readonly shares = new Map<string, Share>()
  private readonly counters = new Map<string, RateLimiterRedis>()
  private localUntil = 0
  private lastSweep = Date.now()
  private readonly decision: RateDecision = { allowed: true, remaining: 0, resetSeconds: 1, windowStart: 0 }

  /** `redis` is the gateway's connection (it closes it). */
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  /** True while limits are counted in Redis (false during an outage). */
  get shared(): boolean {
    return this.redis.status === 'ready' && Date.now() >= this.localUntil
  }

  take(id: string, limit: number, points: number, windowMs: number, now: number): RateDecision | Promise<RateDecision> {
    if (now - this.lastSweep > SWEEP_EVERY_MS) this.sweep(now)
    if (!this.shared) return this.local.take(id, limit, points, windowMs, now)
    const windowStart = windowStartOf(now, windowMs)
    let share = this.shares.get(id)
    if (share === undefined || share.windowStart !== windowStart) {
      share = { windowStart, allowance: 0, consumed: 0, exhausted: false, fetching: null }
      this.shares.set(id, share)
    }
    const known = this.decide(share, limit, points, windowMs, now)
    return known ?? this.takeFromRedis(id, share, limit, points, windowMs, now)
  }

  giveBack(id: string, windowStart: number, points: number): void {
    const share = this.shares.get(id)
    // Given back to this instance's share: spent by its next calls in the same window.
    if (share && share.windowStart === windowStart) share.allowance += points
    this.local.giveBack(id, windowStart, points)
  }

  /** The answer from this instance's share, or null when Redis must be asked. */
  private decide(share: Share, limit: number, points: number, windowMs: number, now: number): RateDecision | null {
    const decision = this.decision
    if (share.allowance >= points) {
      share.allowance -= points
      decision.allowed = true
    } else if (share.exhausted || points > limit) {
      decision.allowed = false
    } else {
      return null
    }
    decision.windowStart = share.windowStart
    decision.resetSeconds = resetSecondsOf(share.windowStart, windowMs, now)
    decision.remaining = Math.max(0, limit - share.consumed) + share.allowance
    return decision
  }

  private async takeFromRedis(
    id: string,
    share: Share,
    limit: number,
    points: number,
    windowMs: number,
    now: number,
  ): Promise<RateDecision> {
    for (;;) {
      // Calls that arrive while a share is on its way wait for it rather than asking again.
      share.fetching ??= this.fetchShare(id, share, limit, points - share.allowance, windowMs).finally(() => {
        share.fetching = null
      })
      const fetched = await share.fetching
      if (!fetched) return this.local.take(id, limit, points, windowMs, now)
      const decision = this.decide(share, limit, points, windowMs, now)
      if (decision) return decision
    }
  }

  /** Adds a share of the window's counter to `share`; false when Redis could not be reached. */
  private async fetchShare(id: string, share: Share, limit: number, need: number, windowMs: number): Promise<boolean> {
    const wanted = Math.max(need, Math.floor((limit - share.consumed) / SHARE_OF_REMAINDER), 1)
    const counter = this.counterFor(limit, windowMs)
    const key = `${id}:${share.windowStart}`
    let after: number
    try {
      after = (await counter.consume(key, wanted)).consumedPoints
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        this.localUntil = Date.now() + RETRY_REDIS_AFTER_MS
        return false
      }
      after = error.consumedPoints // past the limit: only the part below it is ours
    }
    const granted = Math.min(wanted, Math.max(0, limit - (after - wanted)))
    const excess = wanted - granted
    if (excess > 0) {
      share.exhausted = true
      // Handed back so the counter (and RateLimit-Remaining elsewhere) reads what was really taken.
      counter.reward(key, excess).catch(() => {})
    }
    share.allowance += granted
    share.consumed = Math.max(share.consumed, after - excess)
    return true
  }

  /** rate-limiter-flexible fixes the limit and window per instance: one per (limit, window) in use. */
  private counterFor(limit: number, windowMs: number): RateLimiterRedis {
    const name = `${limit}:${windowMs}`
    let counter = this.counters.get(name)
    if (counter === undefined) {
      counter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: this.keyPrefix,
        points: limit,
        // The key already names its window; the TTL outlives it a little so late shares still count.
        duration: Math.ceil(windowMs / 1000) + 1,
        rejectIfRedisNotReady: true,
      })
      this.counters.set(name, counter)
    }
    return counter
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [id, share] of this.shares) if (now - share.windowStart > 2 * SWEEP_EVERY_MS) this.shares.delete(id)
  }
}

/** The gateway's limiter: shared through `redis` when there is one, this instance's memory otherwise. */
export function createWindowLimiter(redis: Redis | null, keyPrefix: string): WindowLimiter {
  return redis ? new SharedRateLimiter(redis, keyPrefix) : new RateLimiter()
}
