import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
import { utcMonth } from './month'

export const SUBSCRIPTION_USAGE_PAGE_SIZE = 10

export type PaidSubscriptionUsage = {
  id: string
  apiId: string
  apiLabel: string
  apiName: string
  planName: string
  currency: string
  pricePerCallMicros: bigint
  pricePerMInputMicros: bigint
  pricePerMOutputMicros: bigint
  freeCallsPerMonth: number
  usedThisMonth: number
  /** Free calls left this month; 0 once the quota is used up (calls are then charged). */
  freeLeft: number
}

/**
 * The consumer's view of what it pays for: its ACTIVE subscriptions on paid plans, with this UTC
 * month's free-quota use from SubscriptionUsage. Searchable by API or plan name, paginated.
 */
export async function listPaidSubscriptionUsage({
  teamId,
  q,
  page = 1,
  pageSize = SUBSCRIPTION_USAGE_PAGE_SIZE,
  now = Date.now(),
}: {
  teamId: string
  q?: string
  page?: number
  pageSize?: number
  now?: number
}) {
  const where: Prisma.SubscriptionWhereInput = {
    consumerTeamId: teamId,
    state: 'ACTIVE',
    plan: { paid: true },
    // Api.searchText is stored lower-cased, so this matches without regard to case on both providers.
    ...(q ? { OR: [{ api: { searchText: { contains: q.toLowerCase() } } }, { plan: { name: { contains: q } } }] } : {}),
  }
  const [total, rows] = await Promise.all([
    db.subscription.count({ where }),
    db.subscription.findMany({
      where,
      orderBy: [{ api: { name: 'asc' } }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        apiId: true,
        api: { select: { name: true, slug: true, team: { select: { slug: true } } } },
        plan: {
          select: {
            name: true,
            currency: true,
            pricePerCallMicros: true,
            pricePerMInputMicros: true,
            pricePerMOutputMicros: true,
            freeCallsPerMonth: true,
          },
        },
      },
    }),
  ])
  const usage = rows.length
    ? await db.subscriptionUsage.findMany({
        where: { subscriptionId: { in: rows.map((r) => r.id) }, month: utcMonth(now) },
        select: { subscriptionId: true, calls: true },
      })
    : []
  const used = new Map(usage.map((u) => [u.subscriptionId, u.calls]))
  const items: PaidSubscriptionUsage[] = rows.map(({ id, apiId, api, plan }) => {
    const usedThisMonth = used.get(id) ?? 0
    return {
      id,
      apiId,
      apiLabel: `${api.team.slug}/${api.slug}`,
      apiName: api.name,
      planName: plan.name,
      ...plan,
      usedThisMonth,
      freeLeft: Math.max(0, plan.freeCallsPerMonth - usedThisMonth),
    }
  })
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
