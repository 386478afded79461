import { db } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import type { CreateTeamInput } from './schemas'

export type CreatedTeam = { id: string; slug: string; name: string }

const slugTaken = () => invalid('That slug is already taken', { slug: ['That slug is already taken'] }, 'slug_taken')

/** Any signed-in user may create a team; they become its first OWNER. */
export async function createTeam(userId: string, input: CreateTeamInput): Promise<CreatedTeam> {
  const existing = await db.team.findUnique({ where: { slug: input.slug }, select: { id: true } })
  if (existing) throw slugTaken()
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { id: createId('team'), slug: input.slug, name: input.name, contactEmail: input.contactEmail ?? null },
        select: { id: true, slug: true, name: true },
      })
      await tx.membership.create({ data: { id: createId('mem'), teamId: team.id, userId, role: 'OWNER' } })
      // Every team has exactly one billing account from birth, so billing never has to guess.
      await tx.billingAccount.create({ data: { id: createId('bill'), teamId: team.id } })
      return team
    })
  } catch (error) {
    // Two people racing for the same slug: the unique index decides, the loser gets a field error.
    if ((error as { code?: string }).code === 'P2002') throw slugTaken()
    throw error
  }
}
