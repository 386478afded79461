import type { TeamReadScope } from '@/lib/auth/actor'
import { bucketSeries, type BucketPoint, type DashboardRequest } from '../dashboard-window'
import { sumAiUsageByBucket } from './sum-ai-usage-by-bucket'

// Cost per hour (or day) stacked by exposed model, from AiUsageRollup. The chart can stack only a
// handful of colours, so the models that cost most over the window get a series each and the
// rest are summed as OTHER_MODELS (its drill-down lists every model's calls of the bucket).

export const OTHER_MODELS = '__other__'
const MAX_SERIES = 6

/** Micro-units as numbers (recharts plots numbers), keyed by model. */
export type AiCostPoint = BucketPoint & { costs: Record<string, number> }
export type AiCostOverTime = { models: string[]; points: AiCostPoint[] }

export async function getAiCostOverTime(scope: TeamReadScope, request: DashboardRequest): Promise<AiCostOverTime> {
  const groups = await sumAiUsageByBucket(scope, request, { byModel: true })
  const totals = new Map<string, bigint>()
  for (const g of groups) totals.set(g.model, (totals.get(g.model) ?? 0n) + g.costMicros)
  const ranked = [...totals]
    .filter(([, cost]) => cost > 0n)
    .sort(([a, x], [b, y]) => (x === y ? a.localeCompare(b) : x > y ? -1 : 1))
    .map(([model]) => model)
  const shown = new Set(ranked.slice(0, MAX_SERIES))
  const models = [...shown, ...(ranked.length > MAX_SERIES ? [OTHER_MODELS] : [])]

  const series = bucketSeries(request.window, () => ({
    costs: Object.fromEntries(models.map((m) => [m, 0])) as Record<string, number>,
  }))
  for (const g of groups) {
    const point = series.at(g.bucket)
    const cost = Number(g.costMicros)
    if (!point || cost === 0) continue
    const key = shown.has(g.model) ? g.model : OTHER_MODELS
    point.costs[key] = (point.costs[key] ?? 0) + cost
  }
  return { models, points: series.points() }
}
