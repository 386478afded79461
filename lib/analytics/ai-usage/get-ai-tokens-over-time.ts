import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { bucketSeries, rollupWhere, type BucketPoint, type DashboardRequest } from '../dashboard-window'

// Input and output tokens per hour (or day), from AiUsageRollup: one grouped query on the
// (team, hour) index of the rollup, never the call log.

export type AiTokensPoint = BucketPoint & { inputTokens: number; outputTokens: number; calls: number }

export async function getAiTokensOverTime(
  { teamId }: TeamReadScope,
  request: DashboardRequest,
): Promise<AiTokensPoint[]> {
  const groups = await db.aiUsageRollup.groupBy({
    by: ['hour'],
    where: rollupWhere(teamId, request),
    _sum: { inputTokens: true, outputTokens: true, calls: true },
  })
  const series = bucketSeries(request.window, () => ({ inputTokens: 0, outputTokens: 0, calls: 0 }))
  for (const g of groups) {
    const point = series.at(g.hour)
    if (!point) continue
    point.inputTokens += g._sum.inputTokens ?? 0
    point.outputTokens += g._sum.outputTokens ?? 0
    point.calls += g._sum.calls ?? 0
  }
  return series.points()
}
