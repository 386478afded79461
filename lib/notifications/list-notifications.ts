import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
import { NOTIFICATIONS_PAGE_SIZE, type ListNotificationsQuery } from './schemas'

export type NotificationRow = {
  id: string
  kind: string
  title: string
  body: string
  /** A console path ("/t/acme/incidents/inc_..."); anything else is dropped, never linked. */
  link: string | null
  readAt: Date | null
  createdAt: Date
}

export type NotificationList = {
  items: NotificationRow[]
  total: number
  unread: number
  page: number
  pageCount: number
}

/** The team's notifications, newest first, with the unread count for the same team. */
export async function listNotifications({
  teamId,
  show = 'all',
  page = 1,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
}: Partial<ListNotificationsQuery> & { teamId: string; pageSize?: number }): Promise<NotificationList> {
  const where: Prisma.NotificationWhereInput = { teamId, ...(show === 'unread' ? { readAt: null } : {}) }
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { teamId, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
  ])
  const items = rows.map((r) => ({ ...r, link: isConsolePath(r.link) ? r.link : null }))
  return { items, total, unread, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

// Links are written by our own code, but a stored "//evil.example" or "javascript:" must never
// become a clickable link: only same-origin absolute paths pass.
function isConsolePath(link: string | null): link is string {
  return Boolean(link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\'))
}
