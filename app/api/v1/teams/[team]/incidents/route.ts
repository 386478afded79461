// GET /api/v1/teams/{team}/incidents?view=consumer|owner: payment incidents (402 causes), newest
// first, with the console's q, cause and state filters.
import { listIncidentsByCursor } from '@/lib/incidents/list-incidents-by-cursor'
import { parseListIncidentsQuery } from '@/lib/incidents/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const GET = managementRoute<{ team: string }>('team.read', async ({ url, caller }) => {
  const { view = 'consumer', q, cause, state } = parseListIncidentsQuery(queryOf(url))
  const page = await listIncidentsByCursor(caller.scope, { ...cursorRequestOf(url), view, q, cause, state })
  return { body: cursorListBody(url, page) }
})
