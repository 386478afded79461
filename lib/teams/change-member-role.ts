import type { Role } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { countOwners, lockTeam } from './lock-team'
import type { ChangeMemberRoleInput } from './schemas'
import { assertCanTouchOwnerRole, lastOwnerMessage, type TeamActor } from './team-actor'

export async function changeMemberRole(
  actor: TeamActor,
  input: ChangeMemberRoleInput,
): Promise<{ id: string; role: Role }> {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, actor.teamId)
    // Scoped by teamId: another team's membership id is "not found", never a change.
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, teamId: actor.teamId },
      select: { id: true, role: true },
    })
    if (!target) throw notFound('Member')
    if (target.role === input.role) return target
    assertCanTouchOwnerRole(actor, target.role, input.role)
    if (target.role === 'OWNER' && (await countOwners(tx, actor.teamId)) <= 1)
      throw conflict(lastOwnerMessage, 'last_owner')
    return tx.membership.update({
      where: { id: target.id, teamId: actor.teamId },
      data: { role: input.role },
      select: { id: true, role: true },
    })
  })
}
