import type { Redis } from 'ioredis'
import type { Db } from '../db'
import { claimFreeCall, returnFreeCall } from './claim-free-call'

// Calls made this month per subscription, for the free quota. Loaded once per subscription and
// month from SubscriptionUsage (what earlier runs and other instances wrote), then counted here;
// the metering writer adds this instance's calls to SubscriptionUsage with each batch.
//
// The quota is exact across instances: while free calls are left, each one is taken from one
// shared count per subscription and month, and once that count says the quota is used up, this
// instance refuses free calls from memory. With Redis (REDIS_URL) the count is a Redis counter
// seeded from SubscriptionUsage; without it, a guarded increment of the SubscriptionUsage row
// itself (claim-free-call.ts). Only while a configured Redis is unreachable do instances count
// alone, and N instances may then hand out free calls already used elsewhere; money never can.

type Counter = {
  used: number
  /** What SubscriptionUsage said when the counter was loaded: the Redis counter's seed. */
  loaded: number
  /** Free calls taken through Redis and not given back yet. */
  sharedFree: number
  /** Free calls claimed from the database row (no Redis) and not given back yet. */
  claimedFree: number
}

export type SharedQuotaStore = { redis: Redis; keyPrefix: string }

/** Longer than any month, so a counter outlives its month and then goes. */
const COUNTER_TTL_SECONDS = 40 * 24 * 3600

export class FreeQuota {
  private readonly counters = new Map<string, Counter | Promise<Counter>>()

  constructor(
    private readonly db: Db,
    private readonly shared: SharedQuotaStore | null = null,
  ) {}

  private counter(subscriptionId: string, month: string): Counter | Promise<Counter> {
    const key = subscriptionId + '|' + month
    let counter = this.counters.get(key)
    if (counter === undefined) {
      counter = this.db.subscriptionUsage
        .findUnique({ where: { subscriptionId_month: { subscriptionId, month } }, select: { calls: true } })
        .then((row) => {
          const calls = row?.calls ?? 0
          const loaded = { used: calls, loaded: calls, sharedFree: 0, claimedFree: 0 }
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
    if (counter instanceof Promise)
      return counter.then((loaded) => this.takeLoaded(subscriptionId, month, loaded, freePerMonth))
    return this.takeLoaded(subscriptionId, month, counter, freePerMonth)
  }

  private takeLoaded(
    subscriptionId: string,
    month: string,
    counter: Counter,
    freePerMonth: number,
  ): boolean | Promise<boolean> {
    // Used up as far as this instance knows: no instance can have a free call left to give.
    if (freePerMonth <= 0 || counter.used >= freePerMonth) return false
    if (this.shared === null) return this.takeClaimed(subscriptionId, month, counter, freePerMonth)
    if (this.shared.redis.status === 'ready')
      return this.takeShared(this.shared, subscriptionId, month, counter, freePerMonth)
    return take(counter, freePerMonth)
  }

  private async takeClaimed(
    subscriptionId: string,
    month: string,
    counter: Counter,
    freePerMonth: number,
  ): Promise<boolean> {
    let claimed: boolean
    try {
      claimed = await claimFreeCall(this.db, subscriptionId, month, freePerMonth)
    } catch {
      return take(counter, freePerMonth) // the database unreachable: this instance counts alone
    }
    if (!claimed) {
      counter.used = Math.max(counter.used, freePerMonth)
      return false
    }
    counter.used++
    counter.claimedFree++
    return true
  }

  private async takeShared(
    { redis, keyPrefix }: SharedQuotaStore,
    subscriptionId: string,
    month: string,
    counter: Counter,
    freePerMonth: number,
  ): Promise<boolean> {
    const key = sharedKey(keyPrefix, subscriptionId, month)
    let used: number
    try {
      // NX: the first instance seeds the counter from the database; later ones keep what it counts.
      const replies = await redis.multi().set(key, counter.loaded, 'EX', COUNTER_TTL_SECONDS, 'NX').incr(key).exec()
      const incremented = replies?.[1]
      if (!incremented || incremented[0] !== null) throw incremented?.[0] ?? new Error('no reply')
      used = Number(incremented[1])
    } catch {
      return take(counter, freePerMonth) // Redis unreachable: this instance counts alone
    }
    if (used > freePerMonth) {
      // Not ours: handed back so a free call given back elsewhere can still be taken.
      redis.decr(key).catch(() => {})
      counter.used = Math.max(counter.used, freePerMonth)
      return false
    }
    counter.used = Math.max(counter.used + 1, used)
    counter.sharedFree++
    return true
  }

  /** A free call that failed gives its place back. */
  giveBack(subscriptionId: string, month: string): void {
    const counter = this.counters.get(subscriptionId + '|' + month)
    if (!counter || counter instanceof Promise) return
    counter.used--
    if (counter.claimedFree > 0) {
      counter.claimedFree--
      returnFreeCall(this.db, subscriptionId, month).catch(() => {})
    } else if (counter.sharedFree > 0 && this.shared !== null) {
      counter.sharedFree--
      this.shared.redis.decr(sharedKey(this.shared.keyPrefix, subscriptionId, month)).catch(() => {})
    }
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

function sharedKey(keyPrefix: string, subscriptionId: string, month: string): string {
  return `${keyPrefix}:free:${subscriptionId}:${month}`
}

function take(counter: Counter, freePerMonth: number): boolean {
  if (freePerMonth <= 0 || counter.used >= freePerMonth) return false
  counter.used++
  return true
}
