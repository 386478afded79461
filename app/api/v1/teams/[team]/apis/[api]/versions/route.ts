// GET /api/v1/teams/{team}/apis/{api}/versions; POST adds a draft from JSON
// ({ version, upstreamUrl, openapi, timeoutMs? }) or a multipart upload of the contract file.
import { createVersion } from '@/lib/apis/create-version'
import { createVersionSchema } from '@/lib/apis/schemas'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireApiOutput } from '@/lib/management-api/require-api'
import { requireVersionOutput } from '@/lib/management-api/require-version'
import { contractUploadBodyLimit } from '@/lib/http/body-limits'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string }

export const GET = managementRoute<Params>('team.read', async ({ params, caller }) => {
  const api = await requireApiOutput(caller.scope, params.api)
  // An API has a handful of versions: one page, newest major first, as the console shows them.
  return { body: { items: api.versions, next: null } }
})

export const POST = managementRoute<Params>(
  'apis.write',
  async ({ params, fields, caller }) => {
    const api = await requireApiOutput(caller.scope, params.api)
    const input = createVersionSchema.parse({ ...(await fields()), apiId: api.id })
    const created = await createVersion(caller.scope, input)
    return { status: 201, body: await requireVersionOutput(caller.scope, { api: api.slug, version: created.version }) }
  },
  // The contract limit (OPENAPI_MAX_MB) plus room for the other fields and multipart framing.
  { bodyLimitBytes: contractUploadBodyLimit() },
)
