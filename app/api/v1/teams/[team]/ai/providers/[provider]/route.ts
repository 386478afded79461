// GET /api/v1/teams/{team}/ai/providers/{provider} (with an ETag); PATCH edits it (If-Match; an
// apiKey replaces the stored one, clearApiKey removes it); DELETE removes one no model uses.
import { deleteProvider } from '@/lib/ai/console/delete-provider'
import { getProvider } from '@/lib/ai/console/get-ai-resources'
import { updateProviderSchema } from '@/lib/ai/console/schemas'
import { updateProvider } from '@/lib/ai/console/update-provider'
import { assertIfMatch, etagOf } from '@/lib/management-api/etag'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

type Params = { team: string; provider: string }

export const GET = managementRoute<Params>('team.read', async ({ params, caller }) => {
  const provider = await getProvider(caller.scope, { providerId: params.provider })
  return { body: provider, headers: { etag: etagOf(provider) } }
})

export const PATCH = managementRoute<Params>('ai.write', async ({ request, params, json, caller }) => {
  assertIfMatch(request, await getProvider(caller.scope, { providerId: params.provider }))
  // The path names the provider; a providerId in the body is ignored, so it can never point elsewhere.
  const provider = await updateProvider(
    caller.scope,
    updateProviderSchema.parse({ ...json(), providerId: params.provider }),
  )
  return { body: provider, headers: { etag: etagOf(provider) } }
})

export const DELETE = managementRoute<Params>(
  'ai.write',
  async ({ params, caller, tx }) => {
    await deleteProvider(caller.scope, { providerId: params.provider }, tx)
    return { status: 204 }
  },
  { transaction: true },
)
