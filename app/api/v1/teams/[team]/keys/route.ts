// GET /api/v1/teams/{team}/keys (cursor list, the console's search); POST creates one, shown once.
import { createKey } from '@/lib/keys/create-key'
import { listKeysByCursor } from '@/lib/keys/list-keys-by-cursor'
import { createKeySchema, listKeysQuerySchema } from '@/lib/keys/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string }

export const GET = managementRoute<Params>('team.read', async ({ url, caller }) => {
  const { q } = listKeysQuerySchema.parse(queryOf(url))
  return { body: cursorListBody(url, await listKeysByCursor(caller.scope, { ...cursorRequestOf(url), q })) }
})

export const POST = managementRoute<Params>(
  'keys.write',
  async ({ json, caller, tx }) => {
    const { key, value } = await createKey(caller.scope, createKeySchema.parse(json()), tx)
    return { status: 201, body: { ...key, value } }
  },
  { transaction: true },
)
