// POST /api/v1/teams/{team}/subscriptions/{subscription}/approve: PENDING → ACTIVE (the owner team).
import { managementRoute } from '@/lib/management-api/management-route'
import { approveSubscription } from '@/lib/subscriptions/decide-subscription'
import { approveSubscriptionSchema } from '@/lib/subscriptions/schemas'

export const dynamic = 'force-dynamic'

type Params = { team: string; subscription: string }

export const POST = managementRoute<Params>(
  'subscriptions.approve',
  async ({ params, json, caller, tx }) => ({
    body: await approveSubscription(
      caller.scope,
      approveSubscriptionSchema.parse({ ...json(), subscriptionId: params.subscription }),
      tx,
    ),
  }),
  { transaction: true },
)
