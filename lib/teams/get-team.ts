import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

/** The team's editable settings, for the settings page. */
export async function getTeam({ teamId }: TeamReadScope) {
  return db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: { id: true, slug: true, name: true, contactEmail: true, createdAt: true },
  })
}
