import type { TeamReadScope } from '@/lib/auth/actor'
import { bucketSeries, type BucketPoint, type DashboardRequest } from '../dashboard-window'
import { sumAiUsageByBucket } from './sum-ai-usage-by-bucket'

// Input and output tokens per hour (or day), from AiUsageRollup: one query grouped by the chart's
// bucket on the (team, hour) index of the rollup, never the call log.

export type AiTokensPoint = BucketPoint & { inputTokens: number; outputTokens: number; calls: number }

export async function getAiTokensOverTime(scope: TeamReadScope, request: DashboardRequest): Promise<AiTokensPoint[]> {
  const groups = await sumAiUsageByBucket(scope, request)
  const series = bucketSeries(request.window, () => ({ inputTokens: 0, outputTokens: 0, calls: 0 }))
  for (const g of groups) {
    const point = series.at(g.bucket)
    if (!point) continue
    point.inputTokens += g.inputTokens
    point.outputTokens += g.outputTokens
    point.calls += g.calls
  }
  return series.points()
}
