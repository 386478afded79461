import type { TeamReadScope } from '@/lib/auth/actor'
import { getApiLabels } from '@/lib/billing/get-api-labels'
import { db } from '@/lib/db'
import { rollupWhere, type DashboardRequest } from '../dashboard-window'

// The other side of the team's AI traffic, biggest first by cost then tokens: an owner sees its
// top consumer teams (only their names are read), a consumer the AI APIs it calls most.

export type AiTopParty = {
  /** A consumer team id (owner view) or an API id (consumer view). */
  id: string
  name: string
  calls: number
  inputTokens: number
  outputTokens: number
  costMicros: bigint
}

export async function getAiTopParties(
  { teamId }: TeamReadScope,
  { limit = 10, ...request }: DashboardRequest,
): Promise<AiTopParty[]> {
  const by = request.view === 'owner' ? ('consumerTeamId' as const) : ('apiId' as const)
  const groups = await db.aiUsageRollup.groupBy({
    by: [by],
    where: rollupWhere(teamId, request),
    _sum: { calls: true, inputTokens: true, outputTokens: true, costMicros: true },
  })
  const ranked = groups
    .map((g) => ({
      id: by === 'consumerTeamId' ? (g as { consumerTeamId: string }).consumerTeamId : (g as { apiId: string }).apiId,
      calls: g._sum.calls ?? 0,
      inputTokens: g._sum.inputTokens ?? 0,
      outputTokens: g._sum.outputTokens ?? 0,
      costMicros: g._sum.costMicros ?? 0n,
    }))
    .sort((a, b) => {
      if (a.costMicros !== b.costMicros) return a.costMicros > b.costMicros ? -1 : 1
      return b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens) || a.id.localeCompare(b.id)
    })
    .slice(0, limit)
  const names = await partyNames(
    by,
    ranked.map((r) => r.id),
  )
  return ranked.map((r) => ({ ...r, name: names.get(r.id) ?? (by === 'apiId' ? 'Deleted API' : 'Deleted team') }))
}

async function partyNames(by: 'consumerTeamId' | 'apiId', ids: string[]): Promise<Map<string, string>> {
  if (by === 'apiId') return new Map([...(await getApiLabels(ids))].map(([id, l]) => [id, l.label]))
  const teams = await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
  return new Map(teams.map((t) => [t.id, t.name]))
}
