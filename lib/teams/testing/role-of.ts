// Rows for the teams integration tests, written with db.* directly. Every slug and email carries a
// random suffix, so tests never depend on each other's rows.
import type { Role } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import type { TeamActor } from '../team-actor'

export async function createUser(label: string) {
  const email = `${label}-${randomToken(8)}@example.test`
  return db.user.create({ data: { id: createId('usr'), email, name: label }, select: { id: true, email: true } })
}

/** A team with one user per listed role; returns each member's user and membership id. */
export async function createTeamWith(roles: Record<string, Role>) {
  const suffix = randomToken(8)
  const team = await db.team.create({ data: { id: createId('team'), slug: `team-${suffix}`, name: `Team ${suffix}` } })
  const members: Record<string, { userId: string; email: string; membershipId: string; actor: TeamActor }> = {}
  for (const [label, role] of Object.entries(roles)) {
    const user = await createUser(label)
    const membership = await db.membership.create({
      data: { id: createId('mem'), teamId: team.id, userId: user.id, role },
    })
    members[label] = {
      userId: user.id,
      email: user.email,
      membershipId: membership.id,
      actor: { teamId: team.id, userId: user.id, role },
    }
  }
  return { team, members }
}

export async function roleOf(membershipId: string) {
  return (await db.membership.findUnique({ where: { id: membershipId }, select: { role: true } }))?.role ?? null
}
