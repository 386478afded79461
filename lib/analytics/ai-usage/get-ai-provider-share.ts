import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { rollupWhere, type DashboardRequest } from '../dashboard-window'
import { getProviderLabels, servingKey } from './provider-labels'

// Which provider model served how much of the window's AI traffic (calls, tokens, cost), from
// AiUsageRollup. Calls that every provider failed have no provider ('') and are counted apart.

export type AiProviderShare = {
  provider: string
  providerName: string | null
  calls: number
  /** calls / every served call, 0..1. */
  share: number
  fallbackCalls: number
  inputTokens: number
  outputTokens: number
  costMicros: bigint
}

export async function getAiProviderShare(
  { teamId }: TeamReadScope,
  request: DashboardRequest,
): Promise<{ providers: AiProviderShare[]; failedCalls: number }> {
  const groups = await db.aiUsageRollup.groupBy({
    by: ['ownerTeamId', 'provider'],
    where: rollupWhere(teamId, request),
    _sum: {
      calls: true,
      fallbackCalls: true,
      failedCalls: true,
      inputTokens: true,
      outputTokens: true,
      costMicros: true,
    },
  })
  const served = groups.filter((g) => g.provider !== '')
  const failedCalls = groups.reduce((sum, g) => sum + (g._sum.failedCalls ?? 0), 0)
  const servedCalls = served.reduce((sum, g) => sum + (g._sum.calls ?? 0), 0)
  const labels = await getProviderLabels(served)
  const providers = served
    .map((g) => {
      const calls = g._sum.calls ?? 0
      return {
        provider: g.provider,
        providerName: labels.get(servingKey(g)) ?? null,
        calls,
        share: servedCalls === 0 ? 0 : calls / servedCalls,
        fallbackCalls: g._sum.fallbackCalls ?? 0,
        inputTokens: g._sum.inputTokens ?? 0,
        outputTokens: g._sum.outputTokens ?? 0,
        costMicros: g._sum.costMicros ?? 0n,
      }
    })
    .filter((p) => p.calls > 0)
    .sort((a, b) => b.calls - a.calls || a.provider.localeCompare(b.provider))
  return { providers, failedCalls }
}
