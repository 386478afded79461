import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { teamScopeWhere, type TeamView } from '@/lib/teams/team-view'

/** OPEN incidents on one side of the team, for the page's headline tile (an index range count). */
export async function countOpenIncidents({ teamId }: TeamReadScope, { view }: { view: TeamView }): Promise<number> {
  return db.paymentIncident.count({ where: { ...teamScopeWhere(view, teamId), state: 'OPEN' } })
}
