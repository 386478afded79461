// GET /api/v1/teams/{team}/apis (cursor list, the console's q and state filters); POST creates one.
import { createApi } from '@/lib/apis/create-api'
import { listApisByCursor } from '@/lib/apis/list-apis-by-cursor'
import { createApiSchema, listApisSchema } from '@/lib/apis/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { etagOf } from '@/lib/management-api/etag'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireApiOutput } from '@/lib/management-api/require-api'

export const dynamic = 'force-dynamic'

type Params = { team: string }

export const GET = managementRoute<Params>('team.read', async ({ url, caller }) => {
  const { q, state } = listApisSchema.parse(queryOf(url))
  const page = await listApisByCursor(caller.scope, { ...cursorRequestOf(url), q, state })
  return { body: cursorListBody(url, page) }
})

export const POST = managementRoute<Params>(
  'apis.write',
  async ({ json, caller, tx }) => {
    const saved = await createApi(caller.scope, createApiSchema.parse(json()), tx)
    const api = await requireApiOutput(caller.scope, saved.slug, tx)
    return { status: 201, body: api, headers: { etag: etagOf(api), location: `apis/${api.slug}` } }
  },
  { transaction: true },
)
