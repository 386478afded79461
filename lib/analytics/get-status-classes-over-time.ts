import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketSeries, rollupWhere, type BucketPoint, type DashboardRequest } from './dashboard-window'

// Requests per status class per hour (or per day for 30 d), from UsageRollup only: one grouped
// query over the (team, hour) index, however many raw calls the window holds.

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const
export type StatusClassKey = (typeof STATUS_CLASSES)[number]

export type StatusClassPoint = BucketPoint & { total: number } & Record<StatusClassKey, number>

export async function getStatusClassesOverTime(
  { teamId }: TeamReadScope,
  { view, window, filter }: DashboardRequest,
): Promise<StatusClassPoint[]> {
  const groups = await db.usageRollup.groupBy({
    by: ['hour', 'statusClass'],
    where: rollupWhere(teamId, { view, window, filter }),
    _sum: { calls: true },
  })

  const series = bucketSeries(window, () => ({ total: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }))
  for (const g of groups) {
    const point = series.at(g.hour)
    const calls = g._sum.calls ?? 0
    if (!point) continue
    point.total += calls
    const key = `${g.statusClass}xx`
    // 1xx never reaches the log; anything outside 2xx-5xx still counts in the total.
    if ((STATUS_CLASSES as readonly string[]).includes(key)) point[key as StatusClassKey] += calls
  }
  return series.points()
}
