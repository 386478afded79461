import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { resolveFixedIncidents } from '@/lib/incidents/resolve-fixed-incidents'
import { conflict, notFound } from '@/lib/errors/app-error'
import type { ResolveIncidentInput } from './schemas'

/**
 * Closes one OPEN incident by hand, with a note. Either side may: the consumer team (it fixed the
 * cause some other way) or the team owning the API (it waived the problem). The lookup's WHERE
 * holds the acting team as consumer OR owner, so an id from an unrelated team reads "not found";
 * the update then runs through resolveFixedIncidents, scoped to the incident's consumer, in the same
 * transaction. If the cause persists, the gateway simply opens a new incident on the next 402.
 */
export async function resolveIncident(
  { teamId, actor }: TeamScope,
  input: ResolveIncidentInput,
  now = new Date(),
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const incident = await tx.paymentIncident.findFirst({
      where: { id: input.incidentId, OR: [{ consumerTeamId: teamId }, { ownerTeamId: teamId }] },
      select: { id: true, state: true, cause: true, consumerTeamId: true },
    })
    if (!incident) throw notFound('Incident')
    if (incident.state !== 'OPEN') throw conflict('This incident is already resolved', 'incident_resolved')
    const side = incident.consumerTeamId === teamId ? 'Resolved by hand' : 'Resolved by the API owner'
    const count = await resolveFixedIncidents(
      {
        consumerTeamId: incident.consumerTeamId,
        causes: [incident.cause],
        incidentIds: [incident.id],
        resolution: `${side}: ${input.reason}`,
        resolvedById: actor.userId,
        now,
      },
      tx,
    )
    // Resolved meanwhile by a top-up or by someone else: say so rather than pretend.
    if (count === 0) throw conflict('This incident is already resolved', 'incident_resolved')
    return { id: incident.id }
  })
}
