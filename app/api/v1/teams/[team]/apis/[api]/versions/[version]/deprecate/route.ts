// POST /api/v1/teams/{team}/apis/{api}/versions/{version}/deprecate: `sunsetAt` (and optional `successorId`, `reason`), the console’s minimum notice.
import { deprecateVersion } from '@/lib/lifecycle/deprecate-version'
import { deprecateVersionSchema } from '@/lib/lifecycle/schemas'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireVersionOutput } from '@/lib/management-api/require-version'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string; version: string }

export const POST = managementRoute<Params>(
  'apis.publish',
  async ({ params, json, caller, tx }) => {
    const version = await requireVersionOutput(caller.scope, params, {}, tx)
    await deprecateVersion(
      caller.scope,
      deprecateVersionSchema.parse({ ...json(), versionId: version.id }),
      new Date(),
      tx,
    )
    return { body: await requireVersionOutput(caller.scope, params, {}, tx) }
  },
  { transaction: true },
)
