import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { utcMonth } from './month'
import { SUBSCRIPTION_USAGE_PAGE_SIZE, type BillingListQuery } from './schemas'

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
export async function listPaidSubscriptionUsage(
  { teamId }: TeamReadScope,
  { q, page, pageSize = SUBSCRIPTION_USAGE_PAGE_SIZE, now = Date.now() }: BillingListQuery & { now?: number } = {},
): Promise<OffsetPage<PaidSubscriptionUsage>> {
  const where: Prisma.SubscriptionWhereInput = {
    consumerTeamId: teamId,
    state: 'ACTIVE',
    plan: { paid: true },
    // Api.searchText is stored lower-cased, so this matches without regard to case on both providers.
    ...(q ? { OR: [{ api: { searchText: { contains: q.toLowerCase() } } }, { plan: { name: { contains: q } } }] } : {}),
  }
  const result = await paginateOffset(
    { page, pageSize },
    {
      count: () => db.subscription.count({ where }),
      findMany: (window) =>
        db.subscription.findMany({
          where,
          orderBy: [{ api: { name: 'asc' } }, { id: 'asc' }],
          ...window,
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
    },
  )
  const rows = result.items
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
  return { ...result, items }
}
