import type { Db } from '../db'

// Calls made this month per subscription, for the free quota. Loaded once per subscription and
// month from SubscriptionUsage (what earlier runs and other instances wrote), then counted here;
// the metering writer adds this instance's calls to SubscriptionUsage with each batch.
// Within one instance the quota is exact under any concurrency. Instances do not share these
// counters, so N instances may each hand out free calls already used elsewhere since they loaded:
// the free tier can be overrun by in-flight calls across instances; money never can.

type Counter = { used: number }

export class FreeQuota {
  private readonly counters = new Map<string, Counter | Promise<Counter>>()

  constructor(private readonly db: Db) {}

  private counter(subscriptionId: string, month: string): Counter | Promise<Counter> {
    const key = subscriptionId + '|' + month
    let counter = this.counters.get(key)
    if (counter === undefined) {
      counter = this.db.subscriptionUsage
        .findUnique({ where: { subscriptionId_month: { subscriptionId, month } }, select: { calls: true } })
        .then((row) => {
          const loaded = { used: row?.calls ?? 0 }
          this.counters.set(key, loaded)
          return loaded
        })
      // A failed load must not stick: drop it so the next call tries again.
      counter.catch(() => this.counters.delete(key))
      this.counters.set(key, counter)
    }
    return counter
  }

  /**
   * Takes one free call if any is left this month; true when the call is free. Loads the counter
   * even for plans without a free quota, so every call this instance makes is counted from its first.
   */
  takeFree(subscriptionId: string, month: string, freePerMonth: number): boolean | Promise<boolean> {
    const counter = this.counter(subscriptionId, month)
    if (counter instanceof Promise) return counter.then((loaded) => take(loaded, freePerMonth))
    return take(counter, freePerMonth)
  }

  /** A free call that failed gives its place back. */
  giveBack(subscriptionId: string, month: string): void {
    const counter = this.counters.get(subscriptionId + '|' + month)
    if (counter && !(counter instanceof Promise)) counter.used--
  }

  /** A paid call also counts towards the month's usage. */
  countPaid(subscriptionId: string, month: string): void {
    const counter = this.counters.get(subscriptionId + '|' + month)
    if (counter && !(counter instanceof Promise)) counter.used++
  }

  used(subscriptionId: string, month: string): number | null {
    const counter = this.counters.get(subscriptionId + '|' + month)
    return counter && !(counter instanceof Promise) ? counter.used : null
  }
}

function take(counter: Counter, freePerMonth: number): boolean {
  if (freePerMonth <= 0 || counter.used >= freePerMonth) return false
  counter.used++
  return true
}
