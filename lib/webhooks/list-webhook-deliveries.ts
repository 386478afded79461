import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { DELIVERIES_PAGE_SIZE, type ListDeliveriesQuery } from './schemas'

export type DeliveryRow = {
  id: string
  event: string
  url: string
  state: 'PENDING' | 'DELIVERED' | 'FAILED'
  attempts: number
  nextAttemptAt: Date
  lastStatusCode: number | null
  lastError: string | null
  deliveredAt: Date | null
  createdAt: Date
}

/** The team's webhook deliveries, newest first; the payload stays in the database. */
export async function listWebhookDeliveries(
  { teamId }: TeamReadScope,
  { dstate, dpage, pageSize = DELIVERIES_PAGE_SIZE }: Partial<ListDeliveriesQuery> & { pageSize?: number } = {},
): Promise<OffsetPage<DeliveryRow>> {
  const where: Prisma.WebhookDeliveryWhereInput = { teamId, ...(dstate ? { state: dstate } : {}) }
  return paginateOffset(
    { page: dpage, pageSize },
    {
      count: () => db.webhookDelivery.count({ where }),
      findMany: (window) =>
        db.webhookDelivery.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          ...window,
          select: {
            id: true,
            event: true,
            url: true,
            state: true,
            attempts: true,
            nextAttemptAt: true,
            lastStatusCode: true,
            lastError: true,
            deliveredAt: true,
            createdAt: true,
          },
        }),
    },
  )
}
