// POST /api/v1/teams/{team}/config/diff - what applying the posted file (YAML or JSON) would
// change: create, update or unchanged for each resource (and delete with `?prune=true`). Changes nothing.
import { diffConfig } from '@/lib/config/apply-config'
import { configFileOf, configOptionsOf } from '@/lib/config/config-route-guard'
import { contractUploadBodyLimit } from '@/lib/http/body-limits'
import { markAuditedWithoutChange } from '@/lib/audit/audit-context'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const POST = managementRoute<{ team: string }>(
  'apis.write',
  async (call) => {
    const diff = await diffConfig(call.caller.scope, configFileOf(call), configOptionsOf(call))
    // A diff is a POST that writes nothing: no audit entry.
    markAuditedWithoutChange()
    return { body: diff }
  },
  { bodyLimitBytes: contractUploadBodyLimit() },
)
