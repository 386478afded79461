// GET /api/v1/teams/{team}/apis/{api}/plans/{plan} (with an ETag); PATCH edits it, honouring If-Match.
import { assertIfMatch, etagOf } from '@/lib/management-api/etag'
import { managementRoute } from '@/lib/management-api/management-route'
import { requireApiOutput } from '@/lib/management-api/require-api'
import { requirePlan } from '@/lib/management-api/require-plan'
import { updatePlanSchema } from '@/lib/plans/schemas'
import { updatePlan } from '@/lib/plans/update-plan'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string; plan: string }

export const GET = managementRoute<Params>('team.read', async ({ params, caller }) => {
  const api = await requireApiOutput(caller.scope, params.api)
  const plan = await requirePlan(caller.scope, { apiId: api.id, planId: params.plan })
  return { body: plan, headers: { etag: etagOf(plan) } }
})

export const PATCH = managementRoute<Params>(
  'apis.write',
  async ({ request, params, json, caller, tx }) => {
    const api = await requireApiOutput(caller.scope, params.api, tx)
    const ids = { apiId: api.id, planId: params.plan }
    assertIfMatch(request, await requirePlan(caller.scope, ids, tx))
    await updatePlan(caller.scope, updatePlanSchema.parse({ ...json(), planId: params.plan }), tx)
    const plan = await requirePlan(caller.scope, ids, tx)
    return { body: plan, headers: { etag: etagOf(plan) } }
  },
  { transaction: true },
)
