import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'

/**
 * Deletes a pending invite. The team id in the WHERE clause means another team's invite id
 * matches nothing and reads as "not found", exactly like an id that never existed.
 */
export async function revokeInvite(teamId: string, inviteId: string): Promise<void> {
  const { count } = await db.invite.deleteMany({ where: { id: inviteId, teamId, acceptedAt: null } })
  if (count === 0) throw notFound('Invite')
}
