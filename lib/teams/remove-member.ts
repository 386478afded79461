import { db } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { countOwners, lockTeam } from './lock-team'
import { assertCanTouchOwnerRole, lastOwnerMessage, type TeamActor } from './team-actor'

/** Removes a member (their API keys and other team data stay with the team). */
export async function removeMember(actor: TeamActor, membershipId: string): Promise<{ userId: string }> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, actor.teamId)
    const target = await tx.membership.findFirst({ where: { id: membershipId, teamId: actor.teamId }, select: { id: true, role: true, userId: true } })
    if (!target) throw notFound('Member')
    assertCanTouchOwnerRole(actor, target.role)
    if (target.role === 'OWNER' && (await countOwners(tx, actor.teamId)) <= 1) throw conflict(lastOwnerMessage, 'last_owner')
    await tx.membership.delete({ where: { id: target.id, teamId: actor.teamId } })
    return { userId: target.userId }
  })
}
