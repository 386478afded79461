// GET /api/v1/teams/{team}/subscriptions?side=incoming|outgoing (requests to the team's APIs, or
// the team's own; default outgoing) with the console's q and state; POST requests one
// ({ apiId, planId }): active at once on an AUTO plan, pending on a MANUAL one.
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'
import { listSubscriptionsByCursor } from '@/lib/subscriptions/list-subscriptions-by-cursor'
import { listSubscriptionsQuerySchema, subscribeSchema } from '@/lib/subscriptions/schemas'
import { subscribe } from '@/lib/subscriptions/subscribe'

export const dynamic = 'force-dynamic'

type Params = { team: string }

export const GET = managementRoute<Params>('team.read', async ({ url, caller }) => {
  const { q, state } = listSubscriptionsQuerySchema.parse(queryOf(url))
  const side = url.searchParams.get('side') === 'incoming' ? 'owner' : 'consumer'
  const page = await listSubscriptionsByCursor(caller.scope, { ...cursorRequestOf(url), side, q, state })
  return { body: cursorListBody(url, page) }
})

export const POST = managementRoute<Params>(
  'subscriptions.write',
  async ({ json, caller, tx }) => ({
    status: 201,
    body: await subscribe(caller.scope, subscribeSchema.parse(json()), tx),
  }),
  { transaction: true },
)
