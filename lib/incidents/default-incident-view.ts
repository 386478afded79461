import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { TeamView } from '@/lib/teams/team-view'

/**
 * The side the incidents page opens on when the URL names none. Calls of the team's own that are
 * blocked right now come first (the urgent side); otherwise an API owner opens on its owner view,
 * where the revenue its consumers cannot pay is. A consumer-only team has just the one side.
 */
export async function defaultIncidentView({ teamId }: TeamReadScope, views: readonly TeamView[]): Promise<TeamView> {
  if (views.length <= 1) return views[0] ?? 'consumer'
  const blockedNow = await db.paymentIncident.findFirst({
    where: { consumerTeamId: teamId, state: 'OPEN' },
    select: { id: true },
  })
  return blockedNow ? 'consumer' : 'owner'
}
