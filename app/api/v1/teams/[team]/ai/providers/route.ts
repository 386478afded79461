// GET /api/v1/teams/{team}/ai/providers (cursor list, the console's search); POST adds one, its key
// sealed at rest and never answered (keyHint only).
import { createProvider } from '@/lib/ai/console/create-provider'
import { listProvidersByCursor } from '@/lib/ai/console/get-ai-resources'
import { createProviderSchema, listAiQuerySchema } from '@/lib/ai/console/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string }

export const GET = managementRoute<Params>('team.read', async ({ url, caller }) => {
  const { q } = listAiQuerySchema.parse(queryOf(url))
  return { body: cursorListBody(url, await listProvidersByCursor(caller.scope, { ...cursorRequestOf(url), q })) }
})

export const POST = managementRoute<Params>(
  'ai.write',
  async ({ json, caller, tx }) => ({
    status: 201,
    body: await createProvider(caller.scope, createProviderSchema.parse(json()), tx),
  }),
  { transaction: true },
)
