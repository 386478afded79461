import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import type { RevokeInviteInput } from './schemas'

/**
 * Deletes a pending invite. The team id in the WHERE clause means another team's invite id
 * matches nothing and reads as "not found", exactly like an id that never existed.
 */
export async function revokeInvite({ teamId }: TeamScope, { inviteId }: RevokeInviteInput, tx: Tx = db): Promise<void> {
  const { count } = await tx.invite.deleteMany({ where: { id: inviteId, teamId, acceptedAt: null } })
  if (count === 0) throw notFound('Invite')
}
