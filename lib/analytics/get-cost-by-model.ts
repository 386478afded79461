import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { teamScopeWhere, type TeamView } from '@/lib/teams/team-view'

// AI cost split by the exposed model, over a window, from AiUsageRollup only: what the team spent
// per model (consumer view) or earned per model on its own AI APIs (owner view).

export type CostByModel = {
  model: string
  costMicros: bigint
  calls: number
  inputTokens: number
  outputTokens: number
  estimatedCalls: number
}

export async function getCostByModel(
  { teamId }: TeamReadScope,
  { window, view, limit = 10 }: { window: { from: Date; to: Date }; view: TeamView; limit?: number },
): Promise<CostByModel[]> {
  const groups = await db.aiUsageRollup.groupBy({
    by: ['model'],
    where: { ...teamScopeWhere(view, teamId), hour: { gte: window.from, lt: window.to } },
    _sum: { costMicros: true, calls: true, inputTokens: true, outputTokens: true, estimatedCalls: true },
  })
  return groups
    .map((g) => ({
      model: g.model,
      costMicros: g._sum.costMicros ?? 0n,
      calls: g._sum.calls ?? 0,
      inputTokens: g._sum.inputTokens ?? 0,
      outputTokens: g._sum.outputTokens ?? 0,
      estimatedCalls: g._sum.estimatedCalls ?? 0,
    }))
    .filter((g) => g.model !== '' && g.calls > 0)
    .sort((a, b) =>
      a.costMicros === b.costMicros ? a.model.localeCompare(b.model) : a.costMicros > b.costMicros ? -1 : 1,
    )
    .slice(0, limit)
}
