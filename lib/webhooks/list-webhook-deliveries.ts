import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
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
export async function listWebhookDeliveries({
  teamId,
  dstate,
  dpage = 1,
  pageSize = DELIVERIES_PAGE_SIZE,
}: Partial<ListDeliveriesQuery> & { teamId: string; pageSize?: number }) {
  const where: Prisma.WebhookDeliveryWhereInput = { teamId, ...(dstate ? { state: dstate } : {}) }
  const [total, items] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (dpage - 1) * pageSize,
      take: pageSize,
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
  ])
  return { items: items as DeliveryRow[], total, page: dpage, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
