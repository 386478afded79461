import type { TeamReadScope } from '@/lib/auth/actor'
import type { DashboardRequest } from '../dashboard-window'
import { getAiCostOverTime } from './get-ai-cost-over-time'
import { getAiLatencyPercentiles } from './get-ai-latency-percentiles'
import { getAiProviderShare } from './get-ai-provider-share'
import { getAiReliabilityOverTime } from './get-ai-reliability-over-time'
import { getAiTokensOverTime } from './get-ai-tokens-over-time'
import { getAiTopParties } from './get-ai-top-parties'
import { getAiUsageSummary } from './get-ai-usage-summary'

// Every figure of /t/[team]/ai/usage, read at once: the page renders this, and the page-time bench
// (bench/ai-usage-bench.ts) times exactly this, so the figure it records is the page's.

export async function loadAiUsageDashboard(scope: TeamReadScope, request: DashboardRequest) {
  const [summary, tokens, cost, reliability, latency, providers, parties] = await Promise.all([
    getAiUsageSummary(scope, request),
    getAiTokensOverTime(scope, request),
    getAiCostOverTime(scope, request),
    getAiReliabilityOverTime(scope, request),
    getAiLatencyPercentiles(scope, request),
    getAiProviderShare(scope, request),
    getAiTopParties(scope, request),
  ])
  return { summary, tokens, cost, reliability, latency, providers, parties }
}

export type AiUsageDashboard = Awaited<ReturnType<typeof loadAiUsageDashboard>>
