import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { listCallFilterOptions } from '@/lib/calls/list-call-filter-options'
import type { TeamView } from '@/lib/teams/team-view'

// The dashboards' "narrow to" selects: the APIs of this side (the call log's own choices), and on
// the owner side the teams that subscribe to our APIs, so an owner can read one consumer's traffic.

const MAX_CONSUMERS = 200

export type DashboardFilterOptions = {
  apis: Array<{ id: string; name: string }>
  consumers: Array<{ id: string; name: string }>
}

export async function listDashboardFilterOptions(
  scope: TeamReadScope,
  { view }: { view: TeamView },
): Promise<DashboardFilterOptions> {
  const [{ apis }, subscriptions] = await Promise.all([
    listCallFilterOptions(scope, { view }),
    view === 'owner'
      ? db.subscription.findMany({
          where: { ownerTeamId: scope.teamId },
          distinct: ['consumerTeamId'],
          select: { consumerTeamId: true },
          take: MAX_CONSUMERS,
        })
      : Promise.resolve([]),
  ])
  const teams = subscriptions.length
    ? await db.team.findMany({
        where: { id: { in: subscriptions.map((s) => s.consumerTeamId) } },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
      })
    : []
  return { apis, consumers: teams }
}
