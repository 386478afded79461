import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { MarkNotificationsReadInput } from './schemas'

/**
 * Marks one notification, or all of them up to a moment, as read. The team id is in the WHERE,
 * so another team's notification id changes nothing. Returns how many changed.
 */
export async function markNotificationsRead(
  { teamId }: TeamScope,
  input: MarkNotificationsReadInput,
  now = new Date(),
): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: {
      teamId,
      readAt: null,
      ...(input.notificationId ? { id: input.notificationId } : { createdAt: { lte: input.upTo ?? now } }),
    },
    data: { readAt: now },
  })
  return count
}
