import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import type { Role } from '@/generated/sqlite/enums'
import { scopeOf } from '@/lib/auth/actor'

/** A team with one member of the given role, named randomly so test files never collide. */
export async function createTestTeam(role: Role = 'OWNER') {
  const suffix = randomToken(8)
  const team = await db.team.create({ data: { id: createId('team'), slug: `team-${suffix}`, name: `Team ${suffix}` } })
  const user = await db.user.create({
    data: { id: createId('usr'), email: `user-${suffix}@example.test`, name: `User ${suffix}` },
  })
  await db.membership.create({ data: { id: createId('mem'), teamId: team.id, userId: user.id, role } })
  // The scope a server action of this member would build: the first argument of lib functions.
  const scope = scopeOf({ team, user, role })
  return { team, user, actor: scope.actor, scope }
}
