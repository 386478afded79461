// GET /api/v1/teams/{team}/calls: the call log with the console's filters (view, api, version, key,
// consumer, status, slow, q, incident, range or from/to), cursor-paged through `next`.
import { listCalls } from '@/lib/calls/list-calls'
import { parseCallLogQuery } from '@/lib/calls/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const GET = managementRoute<{ team: string }>('team.read', async ({ url, caller }) => {
  const query = parseCallLogQuery(queryOf(url))
  const { pageSize } = cursorRequestOf(url)
  return { body: cursorListBody(url, await listCalls(caller.scope, { ...query, pageSize })) }
})
