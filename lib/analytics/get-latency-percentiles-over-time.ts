import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketEnd, bucketStart, type DashboardRequest } from './dashboard-window'
import { percentiles, type HistogramBucket, type Percentiles } from './histogram-quantile'
import { teamScopeWhere } from '@/lib/teams/team-view'

// p50/p95/p99 per hour (or day) from the LatencyRollup histograms. Grouping by (hour, bucket)
// merges every API and consumer of the team in the database; percentiles cannot be averaged, so
// days and the whole window are computed from the merged counts, not from hourly percentiles.

export type LatencyPoint = { from: string; to: string; calls: number } & Percentiles

export type LatencyPercentiles = {
  points: LatencyPoint[]
  /** Over the whole window (the summary's p95). */
  overall: Percentiles & { calls: number }
}

export async function getLatencyPercentilesOverTime(
  { teamId }: TeamReadScope,
  { view, window }: DashboardRequest,
): Promise<LatencyPercentiles> {
  const groups = await db.latencyRollup.groupBy({
    by: ['hour', 'bucketMs'],
    where: { ...teamScopeWhere(view, teamId), hour: { gte: window.from, lt: window.to } },
    _sum: { calls: true },
  })

  const perBucket = new Map<number, Map<number, number>>()
  const overall = new Map<number, number>()
  for (const g of groups) {
    const calls = g._sum.calls ?? 0
    const start = bucketStart(g.hour, window.granularity)
    let histogram = perBucket.get(start)
    if (!histogram) perBucket.set(start, (histogram = new Map()))
    histogram.set(g.bucketMs, (histogram.get(g.bucketMs) ?? 0) + calls)
    overall.set(g.bucketMs, (overall.get(g.bucketMs) ?? 0) + calls)
  }

  const toBuckets = (m: Map<number, number> | undefined): HistogramBucket[] =>
    m ? [...m].map(([bucketMs, calls]) => ({ bucketMs, calls })) : []
  const sum = (b: HistogramBucket[]) => b.reduce((s, x) => s + x.calls, 0)

  const points = window.buckets.map((start) => {
    const t = start.getTime()
    const buckets = toBuckets(perBucket.get(t))
    return {
      from: start.toISOString(),
      to: new Date(bucketEnd(t, window.granularity)).toISOString(),
      calls: sum(buckets),
      ...percentiles(buckets),
    }
  })
  const all = toBuckets(overall)
  return { points, overall: { calls: sum(all), ...percentiles(all) } }
}
