import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { PAYMENT_CAUSES, type PaymentCauseCode } from '@/lib/incidents/causes'
import { bucketEnd, bucketStart, type DashboardRequest } from './dashboard-window'
import { teamScopeWhere } from '@/lib/teams/team-view'

// Blocked (402) calls per cause per hour, or per day for 30 d, from PaymentRollup only: one
// grouped query over the (team, hour) index, never a scan of the raw calls.

export type PaymentPoint = {
  /** ISO start and (exclusive) end of the bucket, so a bar links to exactly its calls. */
  from: string
  to: string
  total: number
  /** Revenue the blocked calls would have brought, in micro-units (a string: bigint does not chart). */
  revenueMicros: string
} & Record<PaymentCauseCode, number>

export async function get402sOverTime(
  { teamId }: TeamReadScope,
  { view, window }: DashboardRequest,
): Promise<PaymentPoint[]> {
  const groups = await db.paymentRollup.groupBy({
    by: ['hour', 'cause'],
    where: { ...teamScopeWhere(view, teamId), hour: { gte: window.from, lt: window.to } },
    _sum: { blockedCalls: true, blockedRevenueMicros: true },
  })

  const points = new Map<number, PaymentPoint & { revenue: bigint }>()
  for (const start of window.buckets) {
    const t = start.getTime()
    const empty = Object.fromEntries(PAYMENT_CAUSES.map((c) => [c, 0])) as Record<PaymentCauseCode, number>
    points.set(t, {
      from: start.toISOString(),
      to: new Date(bucketEnd(t, window.granularity)).toISOString(),
      total: 0,
      revenueMicros: '0',
      revenue: 0n,
      ...empty,
    })
  }
  for (const g of groups) {
    const point = points.get(bucketStart(g.hour, window.granularity))
    if (!point) continue
    const calls = g._sum.blockedCalls ?? 0
    point[g.cause as PaymentCauseCode] += calls
    point.total += calls
    point.revenue += g._sum.blockedRevenueMicros ?? 0n
  }
  return [...points.values()].map(({ revenue, ...p }) => ({ ...p, revenueMicros: revenue.toString() }))
}
