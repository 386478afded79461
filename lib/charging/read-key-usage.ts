import { microsToDecimal } from '../billing/money'
import { utcMonth } from '../billing/month'
import type { Db } from '../db'
import type { KeyEntry } from '../gateway/snapshot-types'
import type { AccountBook } from './account-book'
import type { FreeQuota } from './free-quota'

// GET /gw/_me/usage: what a key's team has left, readable with the key alone, so a client can
// check its balance and free quota before it runs into a 402. Amounts are decimal strings, as in
// the 402 body. Off the hot path: it reads the database, plus this instance's unwritten calls.

export type KeyUsage = {
  team: string
  month: string
  currency: string
  balance: string
  creditLimit: string
  paymentMethod: string
  monthlyBudget: string | null
  spentThisMonth: string
  subscriptions: Array<{
    api: string
    plan: string
    paid: boolean
    pricePerCall: string
    freeCallsPerMonth: number
    callsThisMonth: number
    freeCallsLeft: number
  }>
}

export async function readKeyUsage(
  db: Db,
  key: KeyEntry,
  book: AccountBook,
  quota: FreeQuota,
  now = Date.now(),
): Promise<KeyUsage> {
  const month = utcMonth(now)
  const [account, subscriptions] = await Promise.all([
    db.billingAccount.findUnique({ where: { teamId: key.teamId } }),
    db.subscription.findMany({
      where: {
        consumerTeamId: key.teamId,
        state: 'ACTIVE',
        ...(key.allowedSubscriptions ? { id: { in: [...key.allowedSubscriptions] } } : {}),
      },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        api: { select: { slug: true, team: { select: { slug: true } } } },
        plan: { select: { name: true, paid: true, pricePerCallMicros: true, freeCallsPerMonth: true } },
      },
    }),
  ])
  const usage = await db.subscriptionUsage.findMany({
    where: { month, subscriptionId: { in: subscriptions.map((s) => s.id) } },
    select: { subscriptionId: true, calls: true },
  })
  const storedCalls = new Map(usage.map((u) => [u.subscriptionId, u.calls]))
  const unwritten = book.unflushed(key.teamId)
  const spent = account && account.spendMonth === month ? account.spendMicros : 0n

  return {
    team: key.teamSlug,
    month,
    currency: account?.currency ?? 'USD',
    balance: microsToDecimal((account?.balanceMicros ?? 0n) - unwritten),
    creditLimit: microsToDecimal(account?.creditLimitMicros ?? 0n),
    paymentMethod: account?.paymentMethodStatus ?? 'NONE',
    monthlyBudget: account?.monthlyBudgetMicros == null ? null : microsToDecimal(account.monthlyBudgetMicros),
    spentThisMonth: microsToDecimal(spent + unwritten),
    subscriptions: subscriptions.map((s) => {
      // This instance's count includes calls not written yet; the database's, other instances' calls.
      const calls = Math.max(quota.used(s.id, month) ?? 0, storedCalls.get(s.id) ?? 0)
      return {
        api: `${s.api.team.slug}/${s.api.slug}`,
        plan: s.plan.name,
        paid: s.plan.paid,
        pricePerCall: microsToDecimal(s.plan.pricePerCallMicros),
        freeCallsPerMonth: s.plan.freeCallsPerMonth,
        callsThisMonth: calls,
        freeCallsLeft: Math.max(0, s.plan.freeCallsPerMonth - calls),
      }
    }),
  }
}
