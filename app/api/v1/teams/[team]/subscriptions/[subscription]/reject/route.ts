// POST /api/v1/teams/{team}/subscriptions/{subscription}/reject: PENDING → REJECTED with a `reason` (the owner team).
import { managementRoute } from '@/lib/management-api/management-route'
import { rejectSubscription } from '@/lib/subscriptions/decide-subscription'
import { rejectSubscriptionSchema } from '@/lib/subscriptions/schemas'

export const dynamic = 'force-dynamic'

type Params = { team: string; subscription: string }

export const POST = managementRoute<Params>(
  'subscriptions.approve',
  async ({ params, json, caller, tx }) => ({
    body: await rejectSubscription(
      caller.scope,
      rejectSubscriptionSchema.parse({ ...json(), subscriptionId: params.subscription }),
      tx,
    ),
  }),
  { transaction: true },
)
