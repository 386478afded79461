import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

// The owner's overview of one API over the last 30 days, from UsageRollup (never the raw log):
// traffic, error rate, revenue, and who the consumers are. Only consumer names are read from
// Team: nothing else of another team is exposed.

const DAY_MS = 86_400_000
export const OVERVIEW_DAYS = 30

export type ApiOverviewConsumer = {
  teamId: string
  name: string
  calls: number
  errors: number
  revenueMicros: bigint
}

export type ApiOverview = {
  from: Date
  to: Date
  calls: number
  errors: number
  /** 4xx + 5xx over calls, 0..1. */
  errorRate: number
  revenueMicros: bigint
  consumers: ApiOverviewConsumer[]
  callsByVersion: Map<string, number>
}

export async function getApiOverview(
  { teamId }: TeamReadScope,
  { apiId, now = new Date() }: { apiId: string; now?: Date },
): Promise<ApiOverview> {
  const from = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS)
  const groups = await db.usageRollup.groupBy({
    by: ['consumerTeamId', 'versionId', 'statusClass'],
    where: { ownerTeamId: teamId, apiId, hour: { gte: from, lt: now } },
    _sum: { calls: true, costMicros: true },
  })
  const overview: ApiOverview = {
    from,
    to: now,
    calls: 0,
    errors: 0,
    errorRate: 0,
    revenueMicros: 0n,
    consumers: [],
    callsByVersion: new Map(),
  }
  const consumers = new Map<string, ApiOverviewConsumer>()
  for (const g of groups) {
    const calls = g._sum.calls ?? 0
    const cost = g._sum.costMicros ?? 0n
    const errors = g.statusClass >= 4 ? calls : 0
    overview.calls += calls
    overview.errors += errors
    overview.revenueMicros += cost
    overview.callsByVersion.set(g.versionId, (overview.callsByVersion.get(g.versionId) ?? 0) + calls)
    // '' is the "unknown consumer" row (a call without a valid key): traffic, but nobody to list.
    if (g.consumerTeamId === '') continue
    const entry = consumers.get(g.consumerTeamId) ?? {
      teamId: g.consumerTeamId,
      name: '',
      calls: 0,
      errors: 0,
      revenueMicros: 0n,
    }
    entry.calls += calls
    entry.errors += errors
    entry.revenueMicros += cost
    consumers.set(g.consumerTeamId, entry)
  }
  overview.errorRate = overview.calls === 0 ? 0 : overview.errors / overview.calls
  const teams = await db.team.findMany({
    where: { id: { in: [...consumers.keys()] } },
    select: { id: true, name: true },
  })
  const names = new Map(teams.map((t) => [t.id, t.name]))
  overview.consumers = [...consumers.values()]
    .map((c) => ({ ...c, name: names.get(c.teamId) ?? 'Deleted team' }))
    .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name))
  return overview
}
