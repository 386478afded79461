// Fixed-window limits (requests per key and plan, tokens per minute per subscription), counted in
// this process's memory. Without REDIS_URL this is the whole story: N instances (or
// GATEWAY_WORKERS=N) behind a balancer admit up to N × a plan's limit, the usual trade of an
// in-memory limiter (Kong's "local" policy). With REDIS_URL, SharedRateLimiter
// (shared-rate-limit.ts) counts in Redis and falls back to this one while Redis is unreachable.

export type RateDecision = {
  allowed: boolean
  remaining: number
  /** Seconds until the window resets (≥ 1), for RateLimit-Reset and Retry-After. */
  resetSeconds: number
  /** When the window the points were taken from began; giveBack names it. */
  windowStart: number
}

/** What the gateway's pipeline asks of a limiter, local or shared. */
export type WindowLimiter = {
  /**
   * Takes `points` from the window of `id` that contains `now`, if `limit` allows. Synchronous
   * whenever the answer is known here; a shared limiter may have to ask its store first.
   */
  take(id: string, limit: number, points: number, windowMs: number, now: number): RateDecision | Promise<RateDecision>
  /** Points taken but not used (a call's worst-case tokens above what it used) go back to their window. */
  giveBack(id: string, windowStart: number, points: number): void
}

type Window = { start: number; count: number }

const SWEEP_EVERY_MS = 60_000

/** Where window `windowMs` containing `now` starts: aligned to the clock, so every client of a plan sees one reset. */
export function windowStartOf(now: number, windowMs: number): number {
  return now - (now % windowMs)
}

export function resetSecondsOf(windowStart: number, windowMs: number, now: number): number {
  return Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000))
}

export class RateLimiter implements WindowLimiter {
  private windows = new Map<string, Window>()
  private lastSweep = Date.now()
  // Reused result object: the hot path reads it synchronously before the next call.
  private readonly decision: RateDecision = { allowed: true, remaining: 0, resetSeconds: 1, windowStart: 0 }

  take(id: string, limit: number, points: number, windowMs: number, now: number): RateDecision {
    const start = windowStartOf(now, windowMs)
    let window = this.windows.get(id)
    if (!window) {
      window = { start, count: 0 }
      this.windows.set(id, window)
    } else if (window.start !== start) {
      window.start = start
      window.count = 0
    }
    const decision = this.decision
    decision.windowStart = start
    decision.resetSeconds = resetSecondsOf(start, windowMs, now)
    if (window.count + points > limit) {
      decision.allowed = false
      decision.remaining = Math.max(0, limit - window.count)
    } else {
      window.count += points
      decision.allowed = true
      decision.remaining = limit - window.count
    }
    if (now - this.lastSweep > SWEEP_EVERY_MS) this.sweep(now)
    return decision
  }

  giveBack(id: string, windowStart: number, points: number): void {
    const window = this.windows.get(id)
    if (window && window.start === windowStart) window.count = Math.max(0, window.count - points)
  }

  /** Drops windows that ended long ago, so keys that stopped calling do not pin memory. */
  private sweep(now: number): void {
    this.lastSweep = now
    for (const [id, window] of this.windows) {
      if (now - window.start > 2 * SWEEP_EVERY_MS) this.windows.delete(id)
    }
  }
}
