import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { subscriptionsWhere } from './list-subscriptions'
import type { ListSubscriptionsQuery, SubscriptionOutput } from './schemas'
import { SUBSCRIPTION_SELECT, toSubscriptionOutputs } from './to-subscription-output'

/**
 * The team's subscriptions by keyset cursor (the management API): `owner` lists requests to its
 * APIs, `consumer` its own subscriptions, with the console's search and state filter.
 */
export async function listSubscriptionsByCursor(
  { teamId }: TeamReadScope,
  {
    side,
    q,
    state,
    ...page
  }: CursorPageRequest & Pick<ListSubscriptionsQuery, 'q' | 'state'> & { side: 'owner' | 'consumer' },
): Promise<CursorPage<SubscriptionOutput>> {
  const where = await subscriptionsWhere(side, teamId, { q, state })
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.subscription.findMany({ where: { AND: [where, ...keyset] }, orderBy, take, select: SUBSCRIPTION_SELECT }),
    mapPage: toSubscriptionOutputs,
  })
}
