// POST /api/v1/teams/{team}/config/apply - make the team match the posted file, in one
// transaction: all of it or nothing (409 on a change to a published contract). Idempotent: a
// second apply of the same file changes nothing. `?prune=true` also removes what the file leaves out.
import { applyConfig } from '@/lib/config/apply-config'
import { configFileOf, configOptionsOf } from '@/lib/config/config-route-guard'
import { contractUploadBodyLimit } from '@/lib/http/body-limits'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const POST = managementRoute<{ team: string }>(
  'apis.write',
  async (call) => ({ body: await applyConfig(call.caller.scope, configFileOf(call), configOptionsOf(call)) }),
  { bodyLimitBytes: contractUploadBodyLimit() },
)
