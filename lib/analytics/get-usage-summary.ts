import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { rollupWhere, type DashboardRequest } from './dashboard-window'

// The headline numbers of the error dashboard, from UsageRollup grouped by status class.
// p95 is not here: it comes from the latency histograms (getLatencyPercentilesOverTime.overall).

export type UsageSummary = {
  calls: number
  clientErrors: number
  serverErrors: number
  blocked402: number
  /** (4xx + 5xx) / calls, 0..1; 0 when there were no calls. */
  errorRate: number
  avgLatencyMs: number | null
}

export async function getUsageSummary(
  { teamId }: TeamReadScope,
  { view, window, filter }: DashboardRequest,
): Promise<UsageSummary> {
  const groups = await db.usageRollup.groupBy({
    by: ['statusClass'],
    where: rollupWhere(teamId, { view, window, filter }),
    _sum: { calls: true, blocked402: true, latencySumMs: true },
  })
  let calls = 0
  let clientErrors = 0
  let serverErrors = 0
  let blocked402 = 0
  let latencySumMs = 0
  for (const g of groups) {
    const n = g._sum.calls ?? 0
    calls += n
    if (g.statusClass === 4) clientErrors += n
    if (g.statusClass === 5) serverErrors += n
    blocked402 += g._sum.blocked402 ?? 0
    latencySumMs += g._sum.latencySumMs ?? 0
  }
  return {
    calls,
    clientErrors,
    serverErrors,
    blocked402,
    errorRate: calls === 0 ? 0 : (clientErrors + serverErrors) / calls,
    avgLatencyMs: calls === 0 ? null : latencySumMs / calls,
  }
}
