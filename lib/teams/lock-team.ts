import type { TeamReadScope } from '@/lib/auth/actor'
import type { Tx } from '@/lib/db'

/**
 * Serialises membership changes within one team. Touching the team row takes a row lock on
 * PostgreSQL (SQLite already runs one writer at a time), so two admins demoting the last two
 * owners at the same moment cannot both pass the "another owner remains" check.
 */
export async function lockTeam({ teamId }: TeamReadScope, tx: Tx): Promise<void> {
  await tx.team.update({ where: { id: teamId }, data: { updatedAt: new Date() } })
}

export async function countOwners({ teamId }: TeamReadScope, tx: Tx): Promise<number> {
  return tx.membership.count({ where: { teamId, role: 'OWNER' } })
}
