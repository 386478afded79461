// GET /api/v1/teams/{team}/apis/{api} (with an ETag); PATCH edits it, honouring If-Match; DELETE
// removes it, refused with 409 while a version serves or a subscription is live.
import { deleteApi } from '@/lib/apis/delete-api'
import { updateApi } from '@/lib/apis/update-api'
import { assertIfMatch, etagOf } from '@/lib/management-api/etag'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireApiOutput } from '@/lib/management-api/require-api'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string }

export const GET = managementRoute<Params>('team.read', async ({ params, caller }) => {
  const api = await requireApiOutput(caller.scope, params.api)
  return { body: api, headers: { etag: etagOf(api) } }
})

export const PATCH = managementRoute<Params>(
  'apis.write',
  async ({ request, params, json, caller, tx }) => {
    const current = await requireApiOutput(caller.scope, params.api, tx)
    assertIfMatch(request, current)
    // The path names the API; an apiId in the body is ignored, so it can never point elsewhere.
    await updateApi(caller.scope, { ...json(), apiId: current.id }, tx)
    const api = await requireApiOutput(caller.scope, params.api, tx)
    return { body: api, headers: { etag: etagOf(api) } }
  },
  { transaction: true },
)

export const DELETE = managementRoute<Params>(
  'apis.write',
  async ({ params, caller, tx }) => {
    const api = await requireApiOutput(caller.scope, params.api, tx)
    await deleteApi(caller.scope, { apiId: api.id }, tx)
    return { status: 204 }
  },
  { transaction: true },
)
