import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { TeamView } from '@/lib/teams/team-view'

/**
 * The sides of the 402 log a team has: consumer when it subscribes to APIs (or was ever blocked),
 * owner when it publishes APIs (or ever lost revenue). Consumer first: blocked calls are the
 * urgent side. The page shows the "As consumer / As owner" toggle only when both exist.
 */
export async function getIncidentViews({ teamId }: TeamReadScope): Promise<TeamView[]> {
  const [subscription, consumerIncident, api, ownerIncident] = await Promise.all([
    db.subscription.findFirst({ where: { consumerTeamId: teamId }, select: { id: true } }),
    db.paymentIncident.findFirst({ where: { consumerTeamId: teamId }, select: { id: true } }),
    db.api.findFirst({ where: { teamId }, select: { id: true } }),
    db.paymentIncident.findFirst({ where: { ownerTeamId: teamId }, select: { id: true } }),
  ])
  const views: TeamView[] = []
  if (subscription || consumerIncident) views.push('consumer')
  if (api || ownerIncident) views.push('owner')
  return views
}
