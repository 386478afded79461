// POST /api/v1/teams/{team}/subscriptions/{subscription}/cancel: the consumer team ends its own subscription.
import { managementRoute } from '@/lib/management-api/management-route'
import { cancelSubscription } from '@/lib/subscriptions/cancel-subscription'
import { cancelSubscriptionSchema } from '@/lib/subscriptions/schemas'

export const dynamic = 'force-dynamic'

type Params = { team: string; subscription: string }

export const POST = managementRoute<Params>(
  'subscriptions.write',
  async ({ params, json, caller, tx }) => ({
    body: await cancelSubscription(
      caller.scope,
      cancelSubscriptionSchema.parse({ ...json(), subscriptionId: params.subscription }),
      tx,
    ),
  }),
  { transaction: true },
)
