// Plan.tokensPerMinute, per subscription, in fixed one-minute windows held in memory (per gateway
// instance, like the request rate limiter). A call takes its worst case (input + output limit)
// before it is forwarded; once the usage is known, the difference goes back to its window.

const WINDOW_MS = 60_000

type Window = { start: number; used: number }

export type TokenDecision = { allowed: boolean; resetSeconds: number; windowStart: number }

export class TokenLimiter {
  private readonly windows = new Map<string, Window>()

  take(subscriptionId: string, limit: number, tokens: number, now: number): TokenDecision {
    const start = now - (now % WINDOW_MS)
    let window = this.windows.get(subscriptionId)
    if (!window || window.start !== start) {
      if (this.windows.size > 10_000) this.sweep(start)
      this.windows.set(subscriptionId, (window = { start, used: 0 }))
    }
    const resetSeconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000))
    if (window.used + tokens > limit) return { allowed: false, resetSeconds, windowStart: start }
    window.used += tokens
    return { allowed: true, resetSeconds, windowStart: start }
  }

  /** The call used `actual` of the `reserved` tokens it took in the window that began at `windowStart`. */
  settle(subscriptionId: string, windowStart: number, reserved: number, actual: number): void {
    const window = this.windows.get(subscriptionId)
    if (!window || window.start !== windowStart) return
    window.used = Math.max(0, window.used - reserved + actual)
  }

  private sweep(currentStart: number): void {
    for (const [id, window] of this.windows) if (window.start !== currentStart) this.windows.delete(id)
  }
}
