// POST /api/v1/teams/{team}/incidents/{incident}/resolve: closes an open incident with a `reason`.
import { resolveIncident } from '@/lib/incidents/resolve-incident'
import { resolveIncidentSchema } from '@/lib/incidents/schemas'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const POST = managementRoute<{ team: string; incident: string }>(
  'incidents.write',
  async ({ params, json, caller }) => ({
    body: await resolveIncident(caller.scope, resolveIncidentSchema.parse({ ...json(), incidentId: params.incident })),
  }),
)
