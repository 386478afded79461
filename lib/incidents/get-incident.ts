import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { TeamView } from '@/lib/teams/team-view'
import { toIncidentRows, type IncidentRow } from './incident-output'

export type IncidentDetail = IncidentRow & {
  /** The side the viewing team is on; a team calling its own API sees it as the consumer. */
  view: TeamView
  ownerContactEmail: string | null
  resolvedBy: { name: string; email: string } | null
}

/** One incident, if the team is its consumer or the owner of its API; otherwise null (a 404). */
export async function getIncident(
  { teamId }: TeamReadScope,
  { incidentId }: { incidentId: string },
): Promise<IncidentDetail | null> {
  const incident = await db.paymentIncident.findFirst({
    where: { id: incidentId, OR: [{ consumerTeamId: teamId }, { ownerTeamId: teamId }] },
  })
  if (!incident) return null
  const [[row], owner, resolvedBy] = await Promise.all([
    toIncidentRows([incident]),
    db.team.findUnique({ where: { id: incident.ownerTeamId }, select: { contactEmail: true } }),
    incident.resolvedById
      ? db.user.findUnique({ where: { id: incident.resolvedById }, select: { name: true, email: true } })
      : null,
  ])
  return {
    ...row,
    view: incident.consumerTeamId === teamId ? 'consumer' : 'owner',
    ownerContactEmail: owner?.contactEmail ?? null,
    resolvedBy,
  }
}
