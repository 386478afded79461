import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { SUBSCRIPTIONS_PAGE_SIZE, type ListSubscriptionsQuery, type SubscriptionOutput } from './schemas'
import { SUBSCRIPTION_SELECT, toSubscriptionOutputs } from './to-subscription-output'

/** Requests to the team's own APIs (owner side): search matches the API or the consumer team. */
export function listIncomingSubscriptions(scope: TeamReadScope, query: ListSubscriptionsQuery = {}) {
  return listSubscriptions('owner', scope, query)
}

/** The team's own subscriptions to other APIs (consumer side): search matches the API or its owner. */
export function listOutgoingSubscriptions(scope: TeamReadScope, query: ListSubscriptionsQuery = {}) {
  return listSubscriptions('consumer', scope, query)
}

async function listSubscriptions(
  side: 'owner' | 'consumer',
  { teamId }: TeamReadScope,
  { q, state, page, pageSize = SUBSCRIPTIONS_PAGE_SIZE }: ListSubscriptionsQuery,
): Promise<OffsetPage<SubscriptionOutput>> {
  const where = await subscriptionsWhere(side, teamId, { q, state })
  const result = await paginateOffset(
    { page, pageSize },
    {
      count: () => db.subscription.count({ where }),
      findMany: (window) =>
        db.subscription.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          ...window,
          select: SUBSCRIPTION_SELECT,
        }),
    },
  )
  // Both teams' names for the whole page in one query, so mapping is asynchronous.
  return { ...result, items: await toSubscriptionOutputs(result.items) }
}

/** The list's filter, shared by the console's numbered pages and the management API's cursors. */
export async function subscriptionsWhere(
  side: 'owner' | 'consumer',
  teamId: string,
  { q, state }: Pick<ListSubscriptionsQuery, 'q' | 'state'>,
): Promise<Prisma.SubscriptionWhereInput> {
  const teamWhere: Prisma.SubscriptionWhereInput =
    side === 'owner' ? { ownerTeamId: teamId } : { consumerTeamId: teamId }
  return {
    ...teamWhere,
    ...(state ? { state } : {}),
    ...(q ? { OR: await searchWhere(side, q.toLowerCase()) } : {}),
  }
}

// Api.searchText and Team.slug are lower-case, so `contains` behaves the same on SQLite and PostgreSQL.
async function searchWhere(side: 'owner' | 'consumer', q: string): Promise<Prisma.SubscriptionWhereInput[]> {
  const teams = await db.team.findMany({ where: { slug: { contains: q } }, select: { id: true }, take: 200 })
  const teamIds = teams.map((t) => t.id)
  const otherSide: Prisma.SubscriptionWhereInput =
    side === 'owner' ? { consumerTeamId: { in: teamIds } } : { ownerTeamId: { in: teamIds } }
  return [{ api: { searchText: { contains: q } } }, { api: { slug: { contains: q } } }, otherSide]
}
