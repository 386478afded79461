import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { teamScopeWhere, type TeamView } from '@/lib/teams/team-view'
import type { DashboardWindow } from './dashboard-window'

// The billing page's headline money over a window, from UsageRollup only: what the team spent on
// paid calls (consumer side) or earned from them (owner side), and how many calls that was.

export type SpendSummary = { costMicros: bigint; paidCalls: number }

export async function getSpendSummary(
  { teamId }: TeamReadScope,
  { view, window }: { view: TeamView; window: Pick<DashboardWindow, 'from' | 'to'> },
): Promise<SpendSummary> {
  const sums = await db.usageRollup.aggregate({
    where: { ...teamScopeWhere(view, teamId), hour: { gte: window.from, lt: window.to }, costMicros: { gt: 0n } },
    _sum: { costMicros: true, calls: true },
  })
  return { costMicros: sums._sum.costMicros ?? 0n, paidCalls: sums._sum.calls ?? 0 }
}
