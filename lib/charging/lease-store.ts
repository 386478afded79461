import type { Db } from '../db'
import type { PaymentMethodStatus } from '@/generated/sqlite/enums'
import { utcMonth } from '../billing/month'

// Credit leases: the only way a gateway instance may spend a team's money. Granting takes the
// account row's write lock (an UPDATE first: a row lock on PostgreSQL, the database write lock
// on SQLite), so concurrent grants from any number of instances are serialized and can never
// hand out the same micro-unit twice. Charges written by the metering writer later move the
// balance and shrink the lease by the same amount, leaving what is grantable unchanged.

export const LEASE_TTL_MS = 30_000
const DEAD_LEASE_KEPT_MS = 3_600_000

/** What the account looked like when a grant was decided: enough to explain a refusal. */
export type AccountFacts = {
  exists: boolean
  currency: string
  balanceMicros: bigint
  creditLimitMicros: bigint
  paymentMethodStatus: PaymentMethodStatus
  monthlyBudgetMicros: bigint | null
  /** Month-to-date spend, 0 when the stored month is not the current one. */
  spendMicros: bigint
  /** Every live lease on the account, this instance's included. */
  leasedMicros: bigint
}

export type GrantResult = { grantedMicros: bigint; facts: AccountFacts }

/** What may still be spent: funds (balance, plus credit when the card works) and budget headroom, minus live leases. */
export function spendableMicros(facts: AccountFacts): { funds: bigint; budget: bigint | null } {
  const credit = facts.paymentMethodStatus === 'VALID' ? facts.creditLimitMicros : 0n
  const funds = facts.balanceMicros + credit - facts.leasedMicros
  const budget =
    facts.monthlyBudgetMicros === null ? null : facts.monthlyBudgetMicros - facts.spendMicros - facts.leasedMicros
  return { funds, budget }
}

export type GrantPolicy = {
  /** The last part of an account that is handed out call by call, exact across instances. */
  floorMicros: bigint
  /** The most one grant may set aside beyond what is asked for. */
  chunkMicros: bigint
}

export class LeaseStore {
  constructor(
    private readonly db: Db,
    readonly instanceId: string,
    private readonly policy: GrantPolicy,
  ) {}

  private leaseId(teamId: string): string {
    return `${this.instanceId}:${teamId}`
  }

  /**
   * Grants at least `needMicros` or nothing. Beyond the need it adds a chunk taken only from above
   * the floor, so while an account is far from empty an instance serves thousands of calls from
   * memory, and near empty every call is reserved here, one at a time.
   */
  async grant(teamId: string, needMicros: bigint, now = Date.now()): Promise<GrantResult> {
    return this.db.$transaction(
      async (tx) => {
        // Lock first, read second: on SQLite a read-then-write transaction could lose its snapshot.
        const locked = await tx.billingAccount.updateMany({ where: { teamId }, data: { updatedAt: new Date(now) } })
        if (locked.count === 0) return { grantedMicros: 0n, facts: missingAccount() }
        const account = await tx.billingAccount.findUniqueOrThrow({ where: { teamId } })
        const leases = await tx.creditLease.aggregate({
          where: { teamId, expiresAt: { gt: new Date(now) } },
          _sum: { amountMicros: true },
        })
        const facts: AccountFacts = {
          exists: true,
          currency: account.currency,
          balanceMicros: account.balanceMicros,
          creditLimitMicros: account.creditLimitMicros,
          paymentMethodStatus: account.paymentMethodStatus,
          monthlyBudgetMicros: account.monthlyBudgetMicros,
          spendMicros: account.spendMonth === utcMonth(now) ? account.spendMicros : 0n,
          leasedMicros: leases._sum.amountMicros ?? 0n,
        }
        const { funds, budget } = spendableMicros(facts)
        const available = budget === null || funds < budget ? funds : budget
        if (available < needMicros) return { grantedMicros: 0n, facts }
        let extra = (available - needMicros - this.policy.floorMicros) / 4n
        if (extra < 0n) extra = 0n
        if (extra > this.policy.chunkMicros) extra = this.policy.chunkMicros
        const grantedMicros = needMicros + extra
        const expiresAt = new Date(now + LEASE_TTL_MS)
        await tx.creditLease.upsert({
          where: { id: this.leaseId(teamId) },
          create: {
            id: this.leaseId(teamId),
            teamId,
            instanceId: this.instanceId,
            amountMicros: grantedMicros,
            expiresAt,
          },
          update: { amountMicros: { increment: grantedMicros }, expiresAt },
        })
        return { grantedMicros, facts: { ...facts, leasedMicros: facts.leasedMicros + grantedMicros } }
      },
      { maxWait: 10_000, timeout: 10_000 },
    )
  }

  /** Hands unspent money back, so other instances can grant it. */
  async release(teamId: string, amountMicros: bigint): Promise<void> {
    if (amountMicros <= 0n) return
    await this.db.creditLease.updateMany({
      where: { id: this.leaseId(teamId) },
      data: { amountMicros: { decrement: amountMicros } },
    })
  }

  /** Keeps this instance's leases alive (a lease left to expire means its instance died) and clears long-dead ones. */
  async heartbeat(now = Date.now()): Promise<void> {
    await this.db.creditLease.updateMany({
      where: { instanceId: this.instanceId },
      data: { expiresAt: new Date(now + LEASE_TTL_MS) },
    })
    // An expired lease no longer counts anywhere; the row is only kept a while for inspection.
    await this.db.creditLease.deleteMany({ where: { expiresAt: { lt: new Date(now - DEAD_LEASE_KEPT_MS) } } })
  }

  /** On shutdown, after the writer has flushed every charge: nothing is held any more. */
  async releaseAll(): Promise<void> {
    await this.db.creditLease.deleteMany({ where: { instanceId: this.instanceId } })
  }
}

function missingAccount(): AccountFacts {
  return {
    exists: false,
    currency: 'USD',
    balanceMicros: 0n,
    creditLimitMicros: 0n,
    paymentMethodStatus: 'NONE',
    monthlyBudgetMicros: null,
    spendMicros: 0n,
    leasedMicros: 0n,
  }
}
