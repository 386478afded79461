// POST /api/v1/teams/{team}/apis/{api}/versions/{version}/retire: after the sunset, or early with the apis.retire_early right and a `reason`.
import { retireVersion } from '@/lib/lifecycle/retire-version'
import { retireVersionSchema } from '@/lib/lifecycle/schemas'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireVersionOutput } from '@/lib/management-api/require-version'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string; version: string }

export const POST = managementRoute<Params>(
  'apis.publish',
  async ({ params, json, caller, tx }) => {
    const version = await requireVersionOutput(caller.scope, params, {}, tx)
    await retireVersion(caller.scope, retireVersionSchema.parse({ ...json(), versionId: version.id }), new Date(), tx)
    return { body: await requireVersionOutput(caller.scope, params, {}, tx) }
  },
  { transaction: true },
)
