import { getApiLabels } from '@/lib/billing/get-api-labels'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

// What each consumer team paid for this team's APIs over a window, split by API, from UsageRollup.
// Only the consumers' names are read from Team: nothing else about another team is exposed.

export type RevenueApi = { apiId: string; label: string }
export type RevenueByConsumer = {
  consumerTeamId: string
  consumerName: string
  totalMicros: bigint
  byApi: Array<{ apiId: string; costMicros: bigint; calls: number }>
}

export async function getRevenueByConsumer(
  { teamId }: TeamReadScope,
  { window, limit = 10 }: { window: { from: Date; to: Date }; limit?: number },
): Promise<{ apis: RevenueApi[]; consumers: RevenueByConsumer[] }> {
  if (!teamId) throw new Error('getRevenueByConsumer needs a team id')
  const groups = await db.usageRollup.groupBy({
    by: ['consumerTeamId', 'apiId'],
    // '' is the "unknown consumer" row (e.g. a 401): it never pays, so it is no revenue.
    where: { ownerTeamId: teamId, consumerTeamId: { not: '' }, hour: { gte: window.from, lt: window.to } },
    _sum: { costMicros: true, calls: true },
  })
  const byConsumer = new Map<string, RevenueByConsumer>()
  for (const g of groups) {
    const costMicros = g._sum.costMicros ?? 0n
    if (costMicros <= 0n) continue
    const entry = byConsumer.get(g.consumerTeamId) ?? {
      consumerTeamId: g.consumerTeamId,
      consumerName: '',
      totalMicros: 0n,
      byApi: [],
    }
    entry.totalMicros += costMicros
    entry.byApi.push({ apiId: g.apiId, costMicros, calls: g._sum.calls ?? 0 })
    byConsumer.set(g.consumerTeamId, entry)
  }
  const consumers = [...byConsumer.values()]
    .sort((a, b) =>
      a.totalMicros === b.totalMicros
        ? a.consumerTeamId.localeCompare(b.consumerTeamId)
        : a.totalMicros > b.totalMicros
          ? -1
          : 1,
    )
    .slice(0, limit)
  const [teams, labels] = await Promise.all([
    db.team.findMany({
      where: { id: { in: consumers.map((c) => c.consumerTeamId) } },
      select: { id: true, name: true },
    }),
    getApiLabels(consumers.flatMap((c) => c.byApi.map((a) => a.apiId))),
  ])
  const names = new Map(teams.map((t) => [t.id, t.name]))
  for (const c of consumers) c.consumerName = names.get(c.consumerTeamId) ?? 'Deleted team'
  const apis = [...new Set(consumers.flatMap((c) => c.byApi.map((a) => a.apiId)))]
    .map((apiId) => ({ apiId, label: labels.get(apiId)?.label ?? 'Deleted API' }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return { apis, consumers }
}
