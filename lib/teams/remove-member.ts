import { endUserSessions } from '@/lib/auth/session-revocation'
import { db } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { countOwners, lockTeam } from './lock-team'
import { assertCanTouchOwnerRole, lastOwnerMessage, type TeamActor } from './team-actor'

/**
 * Removes a member (their API keys and other team data stay with the team) and ends every session
 * they hold, so an open tab learns at its next request; they sign in again to their other teams.
 */
export async function removeMember(actor: TeamActor, membershipId: string): Promise<{ userId: string }> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, actor.teamId)
    const target = await tx.membership.findFirst({
      where: { id: membershipId, teamId: actor.teamId },
      select: { id: true, role: true, userId: true },
    })
    if (!target) throw notFound('Member')
    assertCanTouchOwnerRole(actor, target.role)
    if (target.role === 'OWNER' && (await countOwners(tx, actor.teamId)) <= 1)
      throw conflict(lastOwnerMessage, 'last_owner')
    await tx.membership.delete({ where: { id: target.id, teamId: actor.teamId } })
    await endUserSessions(target.userId, new Date(), tx)
    return { userId: target.userId }
  })
}
