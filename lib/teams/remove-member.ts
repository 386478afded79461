import type { TeamScope } from '@/lib/auth/actor'
import { endUserSessions } from '@/lib/auth/session-revocation'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { countOwners, lockTeam } from './lock-team'
import { assertCanTouchOwnerRole, lastOwnerMessage } from './owner-role'
import type { RemoveMemberInput } from './schemas'

/**
 * Removes a member (their API keys and other team data stay with the team) and ends every session
 * they hold, so an open tab learns at its next request; they sign in again to their other teams.
 */
export async function removeMember(
  scope: TeamScope,
  { membershipId }: RemoveMemberInput,
  outer?: Tx,
): Promise<{ userId: string }> {
  const { teamId, actor } = scope
  const write = async (tx: Tx) => {
    await lockTeam(scope, tx)
    const target = await tx.membership.findFirst({
      where: { id: membershipId, teamId },
      select: { id: true, role: true, userId: true },
    })
    if (!target) throw notFound('Member')
    assertCanTouchOwnerRole(actor, target.role)
    if (target.role === 'OWNER' && (await countOwners(scope, tx)) <= 1) throw conflict(lastOwnerMessage, 'last_owner')
    await tx.membership.delete({ where: { id: target.id, teamId } })
    await endUserSessions(target.userId, new Date(), tx)
    return { userId: target.userId }
  }
  return outer ? write(outer) : db.$transaction(write)
}
