import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
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

export type NotificationList = OffsetPage<NotificationRow> & { unread: number }

/** The team's notifications, newest first, with the unread count for the same team. */
export async function listNotifications(
  { teamId }: TeamReadScope,
  {
    show = 'all',
    page,
    pageSize = NOTIFICATIONS_PAGE_SIZE,
  }: Partial<ListNotificationsQuery> & { pageSize?: number } = {},
): Promise<NotificationList> {
  const where: Prisma.NotificationWhereInput = { teamId, ...(show === 'unread' ? { readAt: null } : {}) }
  const [result, unread] = await Promise.all([
    paginateOffset(
      { page, pageSize },
      {
        count: () => db.notification.count({ where }),
        findMany: (window) =>
          db.notification.findMany({
            where,
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            ...window,
            select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
          }),
        map: (r) => ({ ...r, link: isConsolePath(r.link) ? r.link : null }),
      },
    ),
    db.notification.count({ where: { teamId, readAt: null } }),
  ])
  return { ...result, unread }
}

// Links are written by our own code, but a stored "//evil.example" or "javascript:" must never
// become a clickable link: only same-origin absolute paths pass.
function isConsolePath(link: string | null): link is string {
  return Boolean(link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\'))
}
