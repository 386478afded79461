// GET /api/v1/teams/{team}/apis/{api}/versions/{version}: the version with its contract text.
import { etagOf } from '@/lib/management-api/etag'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireVersionOutput } from '@/lib/management-api/require-version'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string; version: string }

export const GET = managementRoute<Params>('team.read', async ({ params, caller }) => {
  const version = await requireVersionOutput(caller.scope, params, { withContract: true })
  return { body: version, headers: { etag: etagOf(version) } }
})
