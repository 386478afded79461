import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import type { UpdateTeamInput } from './schemas'

/** Renames the team or changes its contact email. The slug never changes (it is in every URL). */
export async function updateTeam({ teamId }: TeamScope, input: UpdateTeamInput, tx: Tx = db) {
  return tx.team.update({
    where: { id: teamId },
    data: { name: input.name, contactEmail: input.contactEmail ?? null },
    select: { id: true, slug: true, name: true, contactEmail: true },
  })
}
