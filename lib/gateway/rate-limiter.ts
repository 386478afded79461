// Fixed-window rate limiting per (key, plan), held in memory. The count is per gateway instance:
// N instances (or GATEWAY_WORKERS=N) behind a balancer admit up to N × the plan's limit. That is
// the usual trade of an in-memory limiter (Kong's "local" policy); a shared store would put a
// network round trip on every call.

export type RateDecision = {
  allowed: boolean
  remaining: number
  /** Seconds until the window resets (≥ 1), for RateLimit-Reset and Retry-After. */
  resetSeconds: number
}

type Window = { start: number; count: number }

const SWEEP_EVERY_MS = 60_000

export class RateLimiter {
  private windows = new Map<string, Window>()
  private lastSweep = Date.now()
  // Reused result object: the hot path reads it synchronously before the next call.
  private readonly decision: RateDecision = { allowed: true, remaining: 0, resetSeconds: 1 }

  take(keyId: string, planId: string, limit: number, windowMs: number, now: number): RateDecision {
    // Windows align to the clock so RateLimit-Reset is the same for every client of the plan.
    const start = now - (now % windowMs)
    const id = keyId + '|' + planId
    let window = this.windows.get(id)
    if (!window) {
      window = { start, count: 0 }
      this.windows.set(id, window)
    } else if (window.start !== start) {
      window.start = start
      window.count = 0
    }
    const decision = this.decision
    decision.resetSeconds = Math.max(1, Math.ceil((start + windowMs - now) / 1000))
    if (window.count >= limit) {
      decision.allowed = false
      decision.remaining = 0
    } else {
      window.count++
      decision.allowed = true
      decision.remaining = limit - window.count
    }
    if (now - this.lastSweep > SWEEP_EVERY_MS) this.sweep(now)
    return decision
  }

  /** Drops windows that ended long ago, so keys that stopped calling do not pin memory. */
  private sweep(now: number): void {
    this.lastSweep = now
    for (const [id, window] of this.windows) {
      if (now - window.start > 2 * SWEEP_EVERY_MS) this.windows.delete(id)
    }
  }
}
