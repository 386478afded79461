import { db } from '@/lib/db'
import { getApiLabels } from './get-api-labels'
import { monthRange } from './month'

export type StatementLine = {
  apiId: string | null
  planId: string | null
  /** "owner/api", or null for charges not tied to an API (or an API since deleted: see apiId). */
  apiLabel: string | null
  planName: string | null
  /** Successful (2xx/3xx) calls to the API this month, free ones included, from the hourly rollups.
   *  Rollups do not record the plan, so with two plans on one API this is the API's total. */
  calls: number
  /** Ledger entries behind the line (one per metering batch). */
  entries: number
  /** What was charged, as a positive amount. */
  amountMicros: bigint
}

export type MonthlyStatement = { month: string; from: Date; to: Date; currency: string; lines: StatementLine[]; totalMicros: bigint; topUpsMicros: bigint }

/**
 * A month's invoice: the team's CHARGE entries grouped by API and plan, amounts from the ledger
 * (so the total always equals the ledger's charges for the month), call counts from UsageRollup.
 */
export async function getMonthlyStatement(teamId: string, month: string): Promise<MonthlyStatement> {
  const { start: from, end: to } = monthRange(month)
  const inMonth = { teamId, createdAt: { gte: from, lt: to } }
  const [groups, topUps, account] = await Promise.all([
    db.ledgerEntry.groupBy({ by: ['apiId', 'planId'], where: { ...inMonth, kind: 'CHARGE' }, _sum: { amountMicros: true }, _count: { _all: true } }),
    db.ledgerEntry.aggregate({ where: { ...inMonth, kind: 'TOP_UP' }, _sum: { amountMicros: true } }),
    db.billingAccount.findUnique({ where: { teamId }, select: { currency: true } }),
  ])
  const apiIds = groups.flatMap((g) => (g.apiId ? [g.apiId] : []))
  const planIds = groups.flatMap((g) => (g.planId ? [g.planId] : []))
  const [labels, plans, usage] = await Promise.all([
    getApiLabels(apiIds),
    planIds.length ? db.plan.findMany({ where: { id: { in: planIds } }, select: { id: true, name: true } }) : [],
    apiIds.length
      ? db.usageRollup.groupBy({
          by: ['apiId'],
          where: { consumerTeamId: teamId, apiId: { in: apiIds }, hour: { gte: from, lt: to }, statusClass: { in: [2, 3] } },
          _sum: { calls: true },
        })
      : [],
  ])
  const planNames = new Map(plans.map((p) => [p.id, p.name]))
  const calls = new Map(usage.map((u) => [u.apiId, u._sum.calls ?? 0]))

  const lines: StatementLine[] = groups
    .map((g) => ({
      apiId: g.apiId,
      planId: g.planId,
      apiLabel: g.apiId ? labels.get(g.apiId)?.label ?? null : null,
      planName: g.planId ? planNames.get(g.planId) ?? null : null,
      calls: g.apiId ? calls.get(g.apiId) ?? 0 : 0,
      entries: g._count._all,
      amountMicros: -(g._sum.amountMicros ?? 0n),
    }))
    .sort((a, b) => (a.amountMicros === b.amountMicros ? (a.apiLabel ?? '~').localeCompare(b.apiLabel ?? '~') : a.amountMicros > b.amountMicros ? -1 : 1))
  const totalMicros = lines.reduce((sum, line) => sum + line.amountMicros, 0n)
  return { month, from, to, currency: account?.currency ?? 'USD', lines, totalMicros, topUpsMicros: topUps._sum.amountMicros ?? 0n }
}
