import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { PAYMENT_CAUSES, type PaymentCauseCode } from '@/lib/incidents/causes'
import { bucketSeries, rollupWhere, type BucketPoint, type DashboardRequest } from './dashboard-window'

// Blocked (402) calls per cause per hour, or per day for 30 d, from PaymentRollup only: one
// grouped query over the (team, hour) index, never a scan of the raw calls.

export type PaymentPoint = BucketPoint & {
  total: number
  /** Revenue the blocked calls would have brought, in micro-units (a string: bigint does not chart). */
  revenueMicros: string
} & Record<PaymentCauseCode, number>

export async function get402sOverTime(
  { teamId }: TeamReadScope,
  { view, window, filter }: DashboardRequest,
): Promise<PaymentPoint[]> {
  const groups = await db.paymentRollup.groupBy({
    by: ['hour', 'cause'],
    where: rollupWhere(teamId, { view, window, filter }),
    _sum: { blockedCalls: true, blockedRevenueMicros: true },
  })

  const series = bucketSeries(window, () => ({
    total: 0,
    revenue: 0n,
    ...(Object.fromEntries(PAYMENT_CAUSES.map((c) => [c, 0])) as Record<PaymentCauseCode, number>),
  }))
  for (const g of groups) {
    const point = series.at(g.hour)
    if (!point) continue
    const calls = g._sum.blockedCalls ?? 0
    point[g.cause as PaymentCauseCode] += calls
    point.total += calls
    point.revenue += g._sum.blockedRevenueMicros ?? 0n
  }
  return series.points().map(({ revenue, ...p }) => ({ ...p, revenueMicros: revenue.toString() }))
}
