// POST /api/v1/teams/{team}/apis/{api}/plans/{plan}/archive: no new subscriptions on the plan;
// existing ones carry on, as in the console.
import { managementRoute } from '@/lib/management-api/management-route'
import { requireApiOutput } from '@/lib/management-api/require-api'
import { requirePlan } from '@/lib/management-api/require-plan'
import { archivePlan } from '@/lib/plans/archive-plan'

export const dynamic = 'force-dynamic'

type Params = { team: string; api: string; plan: string }

export const POST = managementRoute<Params>(
  'apis.write',
  async ({ params, caller, tx }) => {
    const api = await requireApiOutput(caller.scope, params.api, tx)
    const ids = { apiId: api.id, planId: params.plan }
    await requirePlan(caller.scope, ids, tx)
    await archivePlan(caller.scope, { planId: params.plan }, new Date(), tx)
    return { body: await requirePlan(caller.scope, ids, tx) }
  },
  { transaction: true },
)
