import type { TeamReadScope } from '@/lib/auth/actor'
import { previousWindow, type DashboardRequest } from '../dashboard-window'
import { getAiCostOverTime } from './get-ai-cost-over-time'
import { getAiLatencyPercentiles } from './get-ai-latency-percentiles'
import { getAiProviderShare } from './get-ai-provider-share'
import { getAiReliabilityOverTime } from './get-ai-reliability-over-time'
import { getAiTokensOverTime } from './get-ai-tokens-over-time'
import { getAiTopParties } from './get-ai-top-parties'
import { getAiUsageSummary } from './get-ai-usage-summary'

// Every figure of /t/[team]/ai/usage, read at once: the page renders this, and the page-time bench
// (bench/ai-usage-bench.ts) times exactly this, so the figure it records is the page's. The
// summary is read for the period just before too: the tiles compare with it, as the errors page's do.

export async function loadAiUsageDashboard(scope: TeamReadScope, request: DashboardRequest) {
  const [summary, previous, tokens, cost, reliability, latency, providers, parties] = await Promise.all([
    getAiUsageSummary(scope, request),
    getAiUsageSummary(scope, { ...request, window: previousWindow(request.window) }),
    getAiTokensOverTime(scope, request),
    getAiCostOverTime(scope, request),
    getAiReliabilityOverTime(scope, request),
    getAiLatencyPercentiles(scope, request),
    getAiProviderShare(scope, request),
    getAiTopParties(scope, request),
  ])
  return { summary, previous, tokens, cost, reliability, latency, providers, parties }
}

export type AiUsageDashboard = Awaited<ReturnType<typeof loadAiUsageDashboard>>
