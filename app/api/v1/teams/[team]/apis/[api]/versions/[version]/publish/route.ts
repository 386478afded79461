// POST /api/v1/teams/{team}/apis/{api}/versions/{version}/publish: the console’s checks; `override` (with `overrideReason`) publishes over breaking changes.
import { publishVersion } from '@/lib/lifecycle/publish-version'
import { publishVersionSchema } from '@/lib/lifecycle/schemas'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireVersionOutput } from '@/lib/management-api/require-version'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string; version: string }

export const POST = managementRoute<Params>('apis.publish', async ({ params, json, caller }) => {
  const version = await requireVersionOutput(caller.scope, params)
  await publishVersion(caller.scope, publishVersionSchema.parse({ ...json(), versionId: version.id }))
  return { body: await requireVersionOutput(caller.scope, params) }
})
