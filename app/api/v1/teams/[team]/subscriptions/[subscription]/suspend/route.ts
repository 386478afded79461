// POST /api/v1/teams/{team}/subscriptions/{subscription}/suspend: ACTIVE → SUSPENDED with a `reason` (the owner team).
import { managementRoute } from '@/lib/management-api/management-route'
import { suspendSubscription } from '@/lib/subscriptions/decide-subscription'
import { suspendSubscriptionSchema } from '@/lib/subscriptions/schemas'

export const dynamic = 'force-dynamic'

type Params = { team: string; subscription: string }

export const POST = managementRoute<Params>(
  'subscriptions.approve',
  async ({ params, json, caller, tx }) => ({
    body: await suspendSubscription(
      caller.scope,
      suspendSubscriptionSchema.parse({ ...json(), subscriptionId: params.subscription }),
      tx,
    ),
  }),
  { transaction: true },
)
