import type { TeamReadScope } from '@/lib/auth/actor'
import { bucketSeries, type BucketPoint, type DashboardRequest } from '../dashboard-window'
import { sumAiUsageByBucket } from './sum-ai-usage-by-bucket'

// Fallbacks (a later provider model answered after the first failed) and provider errors (every
// attempt failed) per hour or day, beside the calls served first time, from AiUsageRollup.

export type AiReliabilityPoint = BucketPoint & { firstTry: number; fallback: number; failed: number }

export async function getAiReliabilityOverTime(
  scope: TeamReadScope,
  request: DashboardRequest,
): Promise<AiReliabilityPoint[]> {
  const groups = await sumAiUsageByBucket(scope, request)
  const series = bucketSeries(request.window, () => ({ firstTry: 0, fallback: 0, failed: 0 }))
  for (const g of groups) {
    const point = series.at(g.bucket)
    if (!point) continue
    point.fallback += g.fallbackCalls
    point.failed += g.failedCalls
    point.firstTry += g.calls - g.fallbackCalls - g.failedCalls
  }
  return series.points()
}
