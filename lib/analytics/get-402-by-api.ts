import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { PAYMENT_CAUSES, type PaymentCauseCode } from '@/lib/incidents/causes'
import { rollupWhere, type DashboardRequest } from './dashboard-window'

// Blocked calls and the revenue they would have brought, per API and cause, over the window:
// one grouped PaymentRollup query, then one name lookup for the APIs that made the list.

export type Api402Row = {
  apiId: string
  name: string
  /** The owning team's slug, for "team/api" labels and catalog links. */
  teamSlug: string
  blockedCalls: number
  revenueMicros: bigint
  byCause: Record<PaymentCauseCode, number>
}

export type Api402Summary = { apis: Api402Row[]; totalCalls: number; totalRevenueMicros: bigint }

export async function get402sByApi(
  { teamId }: TeamReadScope,
  { view, window, filter, limit = 10 }: DashboardRequest,
): Promise<Api402Summary> {
  const groups = await db.paymentRollup.groupBy({
    by: ['apiId', 'cause'],
    where: rollupWhere(teamId, { view, window, filter }),
    _sum: { blockedCalls: true, blockedRevenueMicros: true },
  })

  const rows = new Map<string, Omit<Api402Row, 'name' | 'teamSlug'>>()
  let totalCalls = 0
  let totalRevenueMicros = 0n
  for (const g of groups) {
    let row = rows.get(g.apiId)
    if (!row) {
      const byCause = Object.fromEntries(PAYMENT_CAUSES.map((c) => [c, 0])) as Record<PaymentCauseCode, number>
      rows.set(g.apiId, (row = { apiId: g.apiId, blockedCalls: 0, revenueMicros: 0n, byCause }))
    }
    const calls = g._sum.blockedCalls ?? 0
    const revenue = g._sum.blockedRevenueMicros ?? 0n
    row.blockedCalls += calls
    row.revenueMicros += revenue
    row.byCause[g.cause as PaymentCauseCode] += calls
    totalCalls += calls
    totalRevenueMicros += revenue
  }

  // The owner cares about money lost, the consumer about calls that did not go through.
  const ranked = [...rows.values()]
    .sort(
      (a, b) =>
        (view === 'owner' ? compareDesc(a.revenueMicros, b.revenueMicros) : 0) || b.blockedCalls - a.blockedCalls,
    )
    .slice(0, limit)
  const names = await db.api.findMany({
    where: { id: { in: ranked.map((r) => r.apiId) } },
    select: { id: true, name: true, team: { select: { slug: true } } },
  })
  const byId = new Map(names.map((a) => [a.id, a]))
  const apis = ranked.map((r) => ({
    ...r,
    name: byId.get(r.apiId)?.name ?? 'Deleted API',
    teamSlug: byId.get(r.apiId)?.team.slug ?? '',
  }))
  return { apis, totalCalls, totalRevenueMicros }
}

const compareDesc = (a: bigint, b: bigint) => (a === b ? 0 : a < b ? 1 : -1)
