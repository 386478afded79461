import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { getApiLabels } from './get-api-labels'
import { monthRange } from './month'

export type StatementLine = {
  apiId: string | null
  planId: string | null
  /** "owner/api", or null for charges not tied to an API (or an API since deleted: see apiId). */
  apiLabel: string | null
  planName: string | null
  /** Successful calls on this plan of this API in the month, free ones included, from
   *  SubscriptionUsage; 0 for a line without a plan (nothing to count them against). */
  calls: number
  /** Ledger entries behind the line (one per metering batch). */
  entries: number
  /** What was charged, as a positive amount. */
  amountMicros: bigint
}

export type MonthlyStatement = {
  month: string
  from: Date
  to: Date
  currency: string
  lines: StatementLine[]
  totalMicros: bigint
  topUpsMicros: bigint
}

/**
 * A month's invoice: the team's CHARGE entries grouped by API and plan, amounts from the ledger
 * (so the total always equals the ledger's charges for the month), call counts per plan from
 * SubscriptionUsage. The hourly rollups do not record the plan, so with two plans on one API
 * they could only give the API's total on both lines.
 */
export async function getMonthlyStatement(
  { teamId }: TeamReadScope,
  { month }: { month: string },
): Promise<MonthlyStatement> {
  const { start: from, end: to } = monthRange(month)
  const inMonth = { teamId, createdAt: { gte: from, lt: to } }
  const [groups, topUps, account] = await Promise.all([
    db.ledgerEntry.groupBy({
      by: ['apiId', 'planId'],
      where: { ...inMonth, kind: 'CHARGE' },
      _sum: { amountMicros: true },
      _count: { _all: true },
    }),
    db.ledgerEntry.aggregate({ where: { ...inMonth, kind: 'TOP_UP' }, _sum: { amountMicros: true } }),
    db.billingAccount.findUnique({ where: { teamId }, select: { currency: true } }),
  ])
  const apiIds = [...new Set(groups.flatMap((g) => (g.apiId ? [g.apiId] : [])))]
  const planIds = [...new Set(groups.flatMap((g) => (g.planId ? [g.planId] : [])))]
  const [labels, plans, calls] = await Promise.all([
    getApiLabels(apiIds),
    planIds.length ? db.plan.findMany({ where: { id: { in: planIds } }, select: { id: true, name: true } }) : [],
    countCallsByPlan(teamId, month, apiIds, planIds),
  ])
  const planNames = new Map(plans.map((p) => [p.id, p.name]))

  const lines: StatementLine[] = groups
    .map((g) => ({
      apiId: g.apiId,
      planId: g.planId,
      apiLabel: g.apiId ? (labels.get(g.apiId)?.label ?? null) : null,
      planName: g.planId ? (planNames.get(g.planId) ?? null) : null,
      calls: g.apiId && g.planId ? (calls.get(planKey(g.apiId, g.planId)) ?? 0) : 0,
      entries: g._count._all,
      amountMicros: -(g._sum.amountMicros ?? 0n),
    }))
    .sort((a, b) =>
      a.amountMicros === b.amountMicros
        ? (a.apiLabel ?? '~').localeCompare(b.apiLabel ?? '~')
        : a.amountMicros > b.amountMicros
          ? -1
          : 1,
    )
  const totalMicros = lines.reduce((sum, line) => sum + line.amountMicros, 0n)
  return {
    month,
    from,
    to,
    currency: account?.currency ?? 'USD',
    lines,
    totalMicros,
    topUpsMicros: topUps._sum.amountMicros ?? 0n,
  }
}

const planKey = (apiId: string, planId: string) => `${apiId}\n${planId}`

/**
 * The month's calls per (API, plan) across this team's subscriptions. A team may hold several
 * subscriptions on one plan over time (cancelled, then subscribed again): their counts add up.
 */
async function countCallsByPlan(
  teamId: string,
  month: string,
  apiIds: string[],
  planIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (apiIds.length === 0 || planIds.length === 0) return counts
  const subscriptions = await db.subscription.findMany({
    where: { consumerTeamId: teamId, apiId: { in: apiIds }, planId: { in: planIds } },
    select: { id: true, apiId: true, planId: true },
  })
  if (subscriptions.length === 0) return counts
  const usage = await db.subscriptionUsage.findMany({
    where: { month, subscriptionId: { in: subscriptions.map((s) => s.id) } },
    select: { subscriptionId: true, calls: true },
  })
  const bySubscription = new Map(subscriptions.map((s) => [s.id, planKey(s.apiId, s.planId)]))
  for (const u of usage) {
    const key = bySubscription.get(u.subscriptionId)!
    counts.set(key, (counts.get(key) ?? 0) + u.calls)
  }
  return counts
}
