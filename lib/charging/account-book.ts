import type { AccountFacts, GrantResult } from './lease-store'
import { spendableMicros } from './lease-store'

// This instance's view of each paying team's money, in memory, so that a call on a paid plan is
// reserved with a comparison and a subtraction. The money comes from credit leases (LeaseStore);
// when the lease runs short, calls wait in FIFO order while one grant runs for all of them, and
// whoever the grant cannot cover gets a 402. Because every micro-unit spent here was first
// granted under the account's lock, no interleaving of calls, here or in other instances, can
// spend more than the account holds.

/**
 * A refusal carries the account as read under its lock, the balance as this instance sees it, and
 * what the consumer can spend now through any instance (every live lease, this one's spent part
 * included, taken off).
 */
export type Reservation =
  { ok: true } | { ok: false; facts: AccountFacts; balanceMicros: bigint; spendableMicros: bigint }

export type LeaseSource = {
  grant(teamId: string, needMicros: bigint): Promise<GrantResult>
  release(teamId: string, amountMicros: bigint): Promise<void>
}

type Waiter = { need: bigint; resolve: (result: Reservation) => void; reject: (error: unknown) => void }

type TeamMoney = {
  /** Granted to this instance and not set aside for a call in flight. */
  heldMicros: bigint
  /** Charged here, not yet written by the metering writer: the 402's balance subtracts it. */
  unflushedMicros: bigint
  waiters: Waiter[]
  granting: boolean
  /** A recent refusal, reused while the config version is unchanged, so a flood of 402s costs no I/O. */
  denial: {
    facts: AccountFacts
    balanceMicros: bigint
    spendableMicros: bigint
    availableMicros: bigint
    version: number
    until: number
  } | null
  lastActivity: number
}

const OK: Reservation = { ok: true }
const DENIAL_TTL_MS = 1_000

export class AccountBook {
  private readonly teams = new Map<string, TeamMoney>()

  constructor(private readonly leases: LeaseSource) {}

  private money(teamId: string): TeamMoney {
    let money = this.teams.get(teamId)
    if (!money) {
      money = { heldMicros: 0n, unflushedMicros: 0n, waiters: [], granting: false, denial: null, lastActivity: 0 }
      this.teams.set(teamId, money)
    }
    return money
  }

  /** Sets `need` aside for one call. Synchronous while the lease covers it; otherwise waits for a grant. */
  reserve(teamId: string, need: bigint, configVersion: number, now: number): Reservation | Promise<Reservation> {
    const money = this.money(teamId)
    money.lastActivity = now
    if (money.waiters.length === 0 && money.heldMicros >= need) {
      money.heldMicros -= need
      return OK
    }
    const denial = money.denial
    if (denial !== null) {
      if (denial.version === configVersion && now < denial.until && need > money.heldMicros + denial.availableMicros) {
        const { facts, balanceMicros, spendableMicros } = denial
        return { ok: false, facts, balanceMicros, spendableMicros }
      }
      money.denial = null
    }
    return new Promise<Reservation>((resolve, reject) => {
      money.waiters.push({ need, resolve, reject })
      if (!money.granting) void this.grantForWaiters(teamId, money, configVersion)
    })
  }

  /** After the call: the part of the reservation not charged goes back to the lease. */
  settle(teamId: string, reservedMicros: bigint, chargedMicros: bigint): void {
    const money = this.money(teamId)
    money.heldMicros += reservedMicros - chargedMicros
    money.unflushedMicros += chargedMicros
  }

  /** The metering writer committed these charges. */
  written(teamId: string, chargedMicros: bigint): void {
    const money = this.teams.get(teamId)
    if (money) money.unflushedMicros -= chargedMicros
  }

  unflushed(teamId: string): bigint {
    return this.teams.get(teamId)?.unflushedMicros ?? 0n
  }

  /** Gives back leases no call has touched for `idleMs`, so other instances can use the money. */
  async releaseIdle(now: number, idleMs: number): Promise<void> {
    for (const [teamId, money] of this.teams) {
      if (money.heldMicros <= 0n || money.waiters.length > 0 || money.granting || now - money.lastActivity < idleMs)
        continue
      const amount = money.heldMicros
      money.heldMicros = 0n
      try {
        await this.leases.release(teamId, amount)
      } catch (error) {
        money.heldMicros += amount
        console.error('[charging] could not release an idle lease', error)
      }
    }
  }

  private async grantForWaiters(teamId: string, money: TeamMoney, configVersion: number): Promise<void> {
    money.granting = true
    try {
      while (money.waiters.length > 0) {
        this.serveWaiters(money)
        if (money.waiters.length === 0) break
        const shortfall = money.waiters.reduce((sum, w) => sum + w.need, 0n) - money.heldMicros
        let result = await this.leases.grant(teamId, shortfall)
        if (result.grantedMicros === 0n) {
          // Not enough for everyone waiting: ask for exactly as many of them, in order, as the
          // account could cover a moment ago. A lost race just repeats this with fresher numbers.
          const coverable = this.coverablePrefix(money, available(result.facts))
          result = coverable > 0n ? await this.leases.grant(teamId, coverable) : result
          if (result.grantedMicros === 0n && coverable === 0n) {
            this.refuseWaiters(money, result.facts, configVersion)
            break
          }
        }
        money.heldMicros += result.grantedMicros
      }
    } catch (error) {
      for (const waiter of money.waiters.splice(0)) waiter.reject(error)
    } finally {
      money.granting = false
    }
  }

  private serveWaiters(money: TeamMoney): void {
    while (money.waiters.length > 0 && money.heldMicros >= money.waiters[0].need) {
      const waiter = money.waiters.shift()!
      money.heldMicros -= waiter.need
      waiter.resolve(OK)
    }
  }

  /** The sum of the longest run of waiters (from the front) that `availableMicros` more would cover. */
  private coverablePrefix(money: TeamMoney, availableMicros: bigint): bigint {
    let budget = money.heldMicros + availableMicros
    let sum = 0n
    for (const waiter of money.waiters) {
      if (waiter.need > budget) break
      budget -= waiter.need
      sum += waiter.need
    }
    const shortfall = sum - money.heldMicros
    return shortfall > 0n ? shortfall : 0n
  }

  private refuseWaiters(money: TeamMoney, facts: AccountFacts, configVersion: number): void {
    const availableMicros = available(facts)
    // Fixed now, with the charges this instance has not written yet: the refusal is reused for a
    // second, and the writer committing those charges meanwhile must not make the balance look higher.
    const balanceMicros = facts.balanceMicros - money.unflushedMicros
    // Beyond the account's free part, only what this instance holds unreserved can still be spent.
    const spendableMicros = availableMicros + money.heldMicros
    money.denial = {
      facts,
      balanceMicros,
      spendableMicros,
      availableMicros,
      version: configVersion,
      until: Date.now() + DENIAL_TTL_MS,
    }
    for (const waiter of money.waiters.splice(0)) waiter.resolve({ ok: false, facts, balanceMicros, spendableMicros })
  }
}

function available(facts: AccountFacts): bigint {
  const { funds, budget } = spendableMicros(facts)
  const amount = budget === null || funds < budget ? funds : budget
  return amount > 0n ? amount : 0n
}
