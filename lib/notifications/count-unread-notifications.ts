import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

/** For the console's bell: unread notifications of one team (an index range count). */
export async function countUnreadNotifications({ teamId }: TeamReadScope): Promise<number> {
  return db.notification.count({ where: { teamId, readAt: null } })
}
