import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketSeries, rollupWhere, type BucketPoint, type DashboardRequest } from '../dashboard-window'

// Fallbacks (a later provider model answered after the first failed) and provider errors (every
// attempt failed) per hour or day, beside the calls served first time, from AiUsageRollup.

export type AiReliabilityPoint = BucketPoint & { firstTry: number; fallback: number; failed: number }

export async function getAiReliabilityOverTime(
  { teamId }: TeamReadScope,
  request: DashboardRequest,
): Promise<AiReliabilityPoint[]> {
  const groups = await db.aiUsageRollup.groupBy({
    by: ['hour'],
    where: rollupWhere(teamId, request),
    _sum: { calls: true, fallbackCalls: true, failedCalls: true },
  })
  const series = bucketSeries(request.window, () => ({ firstTry: 0, fallback: 0, failed: 0 }))
  for (const g of groups) {
    const point = series.at(g.hour)
    if (!point) continue
    const fallback = g._sum.fallbackCalls ?? 0
    const failed = g._sum.failedCalls ?? 0
    point.fallback += fallback
    point.failed += failed
    point.firstTry += (g._sum.calls ?? 0) - fallback - failed
  }
  return series.points()
}
