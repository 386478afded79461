import { getApiLabels } from '@/lib/billing/get-api-labels'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

// What the team spent per API it calls, over a window, from UsageRollup only.

export type SpendByApi = { apiId: string; label: string; costMicros: bigint; calls: number }

export async function getSpendByApi(
  { teamId }: TeamReadScope,
  { window, limit = 10 }: { window: { from: Date; to: Date }; limit?: number },
): Promise<SpendByApi[]> {
  if (!teamId) throw new Error('getSpendByApi needs a team id')
  const groups = await db.usageRollup.groupBy({
    by: ['apiId'],
    where: { consumerTeamId: teamId, hour: { gte: window.from, lt: window.to } },
    _sum: { costMicros: true, calls: true },
  })
  const spent = groups
    .map((g) => ({ apiId: g.apiId, costMicros: g._sum.costMicros ?? 0n, calls: g._sum.calls ?? 0 }))
    .filter((g) => g.costMicros > 0n)
    .sort((a, b) =>
      a.costMicros === b.costMicros ? a.apiId.localeCompare(b.apiId) : a.costMicros > b.costMicros ? -1 : 1,
    )
    .slice(0, limit)
  const labels = await getApiLabels(spent.map((s) => s.apiId))
  return spent.map((s) => ({ ...s, label: labels.get(s.apiId)?.label ?? 'Deleted API' }))
}
