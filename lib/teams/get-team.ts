import { db } from '@/lib/db'

/** The team's editable settings, for the settings page. */
export async function getTeam(teamId: string) {
  return db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: { id: true, slug: true, name: true, contactEmail: true, createdAt: true },
  })
}
