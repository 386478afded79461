import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { rollupWhere, type DashboardRequest } from '../dashboard-window'

// The AI dashboard's headline numbers over the window, from AiUsageRollup: calls, tokens, cost,
// and the share of calls whose usage the tokenizer estimated because no provider reported it.

export type AiUsageSummary = {
  calls: number
  inputTokens: number
  outputTokens: number
  costMicros: bigint
  estimatedCalls: number
  fallbackCalls: number
  failedCalls: number
  /** estimatedCalls / calls, 0..1 (0 without calls). */
  estimatedShare: number
}

export async function getAiUsageSummary({ teamId }: TeamReadScope, request: DashboardRequest): Promise<AiUsageSummary> {
  const { _sum: sum } = await db.aiUsageRollup.aggregate({
    where: rollupWhere(teamId, request),
    _sum: {
      calls: true,
      inputTokens: true,
      outputTokens: true,
      costMicros: true,
      estimatedCalls: true,
      fallbackCalls: true,
      failedCalls: true,
    },
  })
  const calls = sum.calls ?? 0
  const estimatedCalls = sum.estimatedCalls ?? 0
  return {
    calls,
    inputTokens: sum.inputTokens ?? 0,
    outputTokens: sum.outputTokens ?? 0,
    costMicros: sum.costMicros ?? 0n,
    estimatedCalls,
    fallbackCalls: sum.fallbackCalls ?? 0,
    failedCalls: sum.failedCalls ?? 0,
    estimatedShare: calls === 0 ? 0 : estimatedCalls / calls,
  }
}
