import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
import { SUBSCRIPTIONS_PAGE_SIZE, type ListSubscriptionsQuery } from './schemas'
import { SUBSCRIPTION_SELECT, toSubscriptionOutputs } from './to-subscription-output'

type ListInput = Partial<ListSubscriptionsQuery> & { teamId: string; pageSize?: number }

/** Requests to the team's own APIs (owner side): search matches the API or the consumer team. */
export function listIncomingSubscriptions(input: ListInput) {
  return listSubscriptions('owner', input)
}

/** The team's own subscriptions to other APIs (consumer side): search matches the API or its owner. */
export function listOutgoingSubscriptions(input: ListInput) {
  return listSubscriptions('consumer', input)
}

async function listSubscriptions(
  side: 'owner' | 'consumer',
  { teamId, q, state, page = 1, pageSize = SUBSCRIPTIONS_PAGE_SIZE }: ListInput,
) {
  const teamWhere: Prisma.SubscriptionWhereInput =
    side === 'owner' ? { ownerTeamId: teamId } : { consumerTeamId: teamId }
  const where: Prisma.SubscriptionWhereInput = {
    ...teamWhere,
    ...(state ? { state } : {}),
    ...(q ? { OR: await searchWhere(side, q.toLowerCase()) } : {}),
  }
  const [total, rows] = await Promise.all([
    db.subscription.count({ where }),
    db.subscription.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: SUBSCRIPTION_SELECT,
    }),
  ])
  return { items: await toSubscriptionOutputs(rows), total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

// Api.searchText and Team.slug are lower-case, so `contains` behaves the same on SQLite and PostgreSQL.
async function searchWhere(side: 'owner' | 'consumer', q: string): Promise<Prisma.SubscriptionWhereInput[]> {
  const teams = await db.team.findMany({ where: { slug: { contains: q } }, select: { id: true }, take: 200 })
  const teamIds = teams.map((t) => t.id)
  const otherSide: Prisma.SubscriptionWhereInput =
    side === 'owner' ? { consumerTeamId: { in: teamIds } } : { ownerTeamId: { in: teamIds } }
  return [{ api: { searchText: { contains: q } } }, { api: { slug: { contains: q } } }, otherSide]
}
