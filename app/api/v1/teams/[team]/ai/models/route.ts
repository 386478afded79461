// GET /api/v1/teams/{team}/ai/models (cursor list, the console's search); POST adds a model on one
// of the team's providers, with its prices per 1M tokens and its context window.
import { createModel } from '@/lib/ai/console/create-model'
import { getModel, listModelsByCursor } from '@/lib/ai/console/get-ai-resources'
import { createModelSchema, listAiQuerySchema } from '@/lib/ai/console/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string }

export const GET = managementRoute<Params>('team.read', async ({ url, caller }) => {
  const { q } = listAiQuerySchema.parse(queryOf(url))
  return { body: cursorListBody(url, await listModelsByCursor(caller.scope, { ...cursorRequestOf(url), q })) }
})

export const POST = managementRoute<Params>('ai.write', async ({ json, caller }) => {
  const { id } = await createModel(caller.scope, createModelSchema.parse(json()))
  return { status: 201, body: await getModel(caller.scope, { modelId: id }) }
})
