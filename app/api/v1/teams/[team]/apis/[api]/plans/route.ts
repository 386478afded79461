// GET /api/v1/teams/{team}/apis/{api}/plans (active first; ?archived=true adds archived ones);
// POST adds a plan with the console's pricing fields.
import { managementRoute } from '@/lib/management-api/management-route'
import { requireApiOutput } from '@/lib/management-api/require-api'
import { requirePlan } from '@/lib/management-api/require-plan'
import { createPlan } from '@/lib/plans/create-plan'
import { listPlans } from '@/lib/plans/list-plans'
import { createPlanSchema } from '@/lib/plans/schemas'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string }

export const GET = managementRoute<Params>('team.read', async ({ url, params, caller }) => {
  const api = await requireApiOutput(caller.scope, params.api)
  const includeArchived = url.searchParams.get('archived') === 'true'
  // An API has a handful of plans: one page, as the console shows them.
  return { body: { items: await listPlans(caller.scope, { apiId: api.id, includeArchived }), next: null } }
})

export const POST = managementRoute<Params>(
  'apis.write',
  async ({ params, json, caller, tx }) => {
    const api = await requireApiOutput(caller.scope, params.api, tx)
    const saved = await createPlan(caller.scope, createPlanSchema.parse({ ...json(), apiId: api.id }), tx)
    return { status: 201, body: await requirePlan(caller.scope, { apiId: api.id, planId: saved.id }, tx) }
  },
  { transaction: true },
)
