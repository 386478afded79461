import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketSeries, rollupWhere, type BucketPoint, type DashboardRequest } from './dashboard-window'
import { usageGroupLabels } from './usage-group-labels'
import { USAGE_GROUP_COLUMN, type UsageGroup } from './usage-groups'

// Calls or cost per time bucket, stacked by API, consumer team, key or version, from UsageRollup
// only: one grouped query over a covering index (the owner's or the consumer's, see the schema).
// The biggest groups get their own series; the rest share "Other", so the legend stays readable.

export const MAX_GROUP_SERIES = 5

export type UsageMeasure = 'calls' | 'costMicros'

/** `id` is the group's value (an API id, a key id…); null for "Other". */
export type GroupSeries = { key: string; id: string | null; label: string }
/** Values are plain numbers (recharts plots numbers); cost in micro-units, formatted only for display. */
export type GroupPoint = BucketPoint & { total: number } & Record<string, number | string>
export type UsageByGroup = { group: UsageGroup; measure: UsageMeasure; series: GroupSeries[]; points: GroupPoint[] }

const OTHER_LABEL: Record<UsageGroup, string> = {
  api: 'Other APIs',
  consumer: 'Other teams',
  key: 'Other keys',
  version: 'Other versions',
}

export async function getUsageByGroup(
  { teamId }: TeamReadScope,
  request: DashboardRequest & { group: UsageGroup; measure: UsageMeasure },
): Promise<UsageByGroup> {
  const { group, measure, window } = request
  const column = USAGE_GROUP_COLUMN[group]
  const where = { ...rollupWhere(teamId, request), ...(measure === 'costMicros' ? { costMicros: { gt: 0n } } : {}) }
  const by: ['hour', typeof column] = ['hour', column]
  // Only the measured column, so the owner side's query stays inside its covering index.
  const groups =
    measure === 'calls'
      ? (await db.usageRollup.groupBy({ by, where, _sum: { calls: true } })).map((r) => ({
          hour: r.hour,
          id: r[column] as string,
          value: r._sum.calls ?? 0,
        }))
      : (await db.usageRollup.groupBy({ by, where, _sum: { costMicros: true } })).map((r) => ({
          hour: r.hour,
          id: r[column] as string,
          value: Number(r._sum.costMicros ?? 0n),
        }))

  const totals = new Map<string, number>()
  for (const g of groups) totals.set(g.id, (totals.get(g.id) ?? 0) + g.value)
  const ranked = [...totals.entries()]
    .sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : b[1] - a[1]))
    .map(([id]) => id)
  const top = ranked.slice(0, ranked.length > MAX_GROUP_SERIES ? MAX_GROUP_SERIES - 1 : MAX_GROUP_SERIES)
  const labels = await usageGroupLabels(teamId, group, top)
  const series: GroupSeries[] = top.map((id, i) => ({ key: `s${i}`, id, label: labels.get(id)! }))
  if (ranked.length > top.length) series.push({ key: 'other', id: null, label: OTHER_LABEL[group] })
  const keyOf = new Map(top.map((id, i) => [id, `s${i}`]))

  const points = bucketSeries(window, () => ({
    total: 0,
    ...Object.fromEntries(series.map((s) => [s.key, 0])),
  }))
  for (const g of groups) {
    const point: GroupPoint | undefined = points.at(g.hour)
    if (!point) continue
    const key = keyOf.get(g.id) ?? 'other'
    point[key] = (point[key] as number) + g.value
    point.total += g.value
  }
  return { group, measure, series, points: points.points() }
}
