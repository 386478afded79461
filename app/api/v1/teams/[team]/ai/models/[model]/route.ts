// GET /api/v1/teams/{team}/ai/models/{model} (with an ETag); PATCH edits it (If-Match); DELETE
// removes one no AI API version routes to.
import { deleteModel } from '@/lib/ai/console/delete-model'
import { getModel } from '@/lib/ai/console/get-ai-resources'
import { updateModelSchema } from '@/lib/ai/console/schemas'
import { updateModel } from '@/lib/ai/console/update-model'
import { assertIfMatch, etagOf } from '@/lib/management-api/etag'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string; model: string }

export const GET = managementRoute<Params>('team.read', async ({ params, caller }) => {
  const model = await getModel(caller.scope, { modelId: params.model })
  return { body: model, headers: { etag: etagOf(model) } }
})

export const PATCH = managementRoute<Params>('ai.write', async ({ request, params, json, caller }) => {
  assertIfMatch(request, await getModel(caller.scope, { modelId: params.model }))
  await updateModel(caller.scope, updateModelSchema.parse({ ...json(), modelId: params.model }))
  const model = await getModel(caller.scope, { modelId: params.model })
  return { body: model, headers: { etag: etagOf(model) } }
})

export const DELETE = managementRoute<Params>(
  'ai.write',
  async ({ params, caller, tx }) => {
    await deleteModel(caller.scope, { modelId: params.model }, tx)
    return { status: 204 }
  },
  { transaction: true },
)
