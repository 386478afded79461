import { getApiLabels } from '@/lib/billing/get-api-labels'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketSeries, type BucketPoint, type DashboardWindow } from './dashboard-window'

// The consumer's cost per day, stacked by API, from UsageRollup.costMicros only. The biggest APIs
// get their own series; the rest share "Other", so the legend stays readable.

export const MAX_COST_SERIES = 5

export type CostSeries = { key: string; apiId: string | null; label: string }
/** Amounts are micro-units as plain numbers (recharts plots numbers); format only for display. */
export type CostPoint = BucketPoint & { total: number } & Record<string, number | string>

export async function getCostByDay(
  { teamId }: TeamReadScope,
  { window }: { window: DashboardWindow },
): Promise<{ series: CostSeries[]; points: CostPoint[] }> {
  if (!teamId) throw new Error('getCostByDay needs a team id')
  const groups = await db.usageRollup.groupBy({
    by: ['hour', 'apiId'],
    where: { consumerTeamId: teamId, hour: { gte: window.from, lt: window.to }, costMicros: { gt: 0n } },
    _sum: { costMicros: true },
  })

  const totals = new Map<string, bigint>()
  for (const g of groups) totals.set(g.apiId, (totals.get(g.apiId) ?? 0n) + (g._sum.costMicros ?? 0n))
  const ranked = [...totals.entries()]
    .sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] > b[1] ? -1 : 1))
    .map(([apiId]) => apiId)
  const top = ranked.slice(0, ranked.length > MAX_COST_SERIES ? MAX_COST_SERIES - 1 : MAX_COST_SERIES)
  const labels = await getApiLabels(top)
  const series: CostSeries[] = top.map((apiId, i) => ({
    key: `s${i}`,
    apiId,
    label: labels.get(apiId)?.label ?? 'Deleted API',
  }))
  if (ranked.length > top.length) series.push({ key: 'other', apiId: null, label: 'Other APIs' })
  const keyOf = new Map(series.flatMap((s) => (s.apiId ? [[s.apiId, s.key] as const] : [])))

  const points = bucketSeries(window, () => ({
    total: 0,
    ...Object.fromEntries(series.map((s) => [s.key, 0])),
  }))
  for (const g of groups) {
    const point: CostPoint | undefined = points.at(g.hour)
    if (!point) continue
    const micros = Number(g._sum.costMicros ?? 0n)
    const key = keyOf.get(g.apiId) ?? 'other'
    point[key] = (point[key] as number) + micros
    point.total += micros
  }
  return { series, points: points.points() }
}
