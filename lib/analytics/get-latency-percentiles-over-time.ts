import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketSeries, rollupWhere, type BucketPoint, type DashboardRequest } from './dashboard-window'
import { percentiles, type HistogramBucket, type Percentiles } from './histogram-quantile'

// p50/p95/p99 per hour (or day) from the LatencyRollup histograms. Grouping by (hour, bucket)
// merges every API and consumer of the team in the database; percentiles cannot be averaged, so
// days and the whole window are computed from the merged counts, not from hourly percentiles.

export type LatencyPoint = BucketPoint & { calls: number } & Percentiles

export type LatencyPercentiles = {
  points: LatencyPoint[]
  /** Over the whole window (the summary's p95). */
  overall: Percentiles & { calls: number }
}

export async function getLatencyPercentilesOverTime(
  { teamId }: TeamReadScope,
  { view, window, filter }: DashboardRequest,
): Promise<LatencyPercentiles> {
  const groups = await db.latencyRollup.groupBy({
    by: ['hour', 'bucketMs'],
    where: rollupWhere(teamId, { view, window, filter }),
    _sum: { calls: true },
  })

  // One merged histogram (upper bound in ms → calls) per bucket, and one for the whole window.
  const series = bucketSeries(window, () => ({ histogram: new Map<number, number>() }))
  const overall = new Map<number, number>()
  for (const g of groups) {
    const calls = g._sum.calls ?? 0
    const histogram = series.at(g.hour)?.histogram
    if (histogram) histogram.set(g.bucketMs, (histogram.get(g.bucketMs) ?? 0) + calls)
    overall.set(g.bucketMs, (overall.get(g.bucketMs) ?? 0) + calls)
  }

  const toBuckets = (m: Map<number, number>): HistogramBucket[] =>
    [...m].map(([bucketMs, calls]) => ({ bucketMs, calls }))
  const sum = (b: HistogramBucket[]) => b.reduce((s, x) => s + x.calls, 0)

  const points = series.points().map(({ histogram, ...bucket }) => {
    const buckets = toBuckets(histogram)
    return { ...bucket, calls: sum(buckets), ...percentiles(buckets) }
  })
  const all = toBuckets(overall)
  return { points, overall: { calls: sum(all), ...percentiles(all) } }
}
