import type { Role } from '@/generated/sqlite/enums'
import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { countOwners, lockTeam } from './lock-team'
import { assertCanTouchOwnerRole, lastOwnerMessage } from './owner-role'
import type { ChangeMemberRoleInput } from './schemas'

export async function changeMemberRole(
  scope: TeamScope,
  input: ChangeMemberRoleInput,
  outer?: Tx,
): Promise<{ id: string; role: Role }> {
  const { teamId, actor } = scope
  const write = async (tx: Tx) => {
    await lockTeam(scope, tx)
    // Scoped by teamId: another team's membership id is "not found", never a change.
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, teamId },
      select: { id: true, role: true },
    })
    if (!target) throw notFound('Member')
    if (target.role === input.role) return target
    assertCanTouchOwnerRole(actor, target.role, input.role)
    if (target.role === 'OWNER' && (await countOwners(scope, tx)) <= 1) throw conflict(lastOwnerMessage, 'last_owner')
    return tx.membership.update({
      where: { id: target.id, teamId },
      data: { role: input.role },
      select: { id: true, role: true },
    })
  }
  return outer ? write(outer) : db.$transaction(write)
}
