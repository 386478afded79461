import type { Role } from '@/generated/sqlite/enums'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import bcrypt from 'bcryptjs'
import { hashPassword } from '@/lib/auth/verify-password'
import type { SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'

export const DEMO_TEAMS = [
  { slug: 'acme', name: 'Acme Corporation', contactEmail: 'platform@acme.test' },
  { slug: 'globex', name: 'Globex', contactEmail: 'api-team@globex.test' },
  { slug: 'initech', name: 'Initech', contactEmail: 'it@initech.test' },
] as const

export type DemoTeamSlug = (typeof DEMO_TEAMS)[number]['slug']

const DEMO_ROLES: Array<{ local: string; role: Role; label: string }> = [
  { local: 'owner', role: 'OWNER', label: 'Owner' },
  { local: 'member', role: 'MEMBER', label: 'Member' },
  { local: 'viewer', role: 'VIEWER', label: 'Viewer' },
]

export type SeededTeams = Record<
  DemoTeamSlug,
  { id: string; users: Record<'owner' | 'member' | 'viewer', { id: string; email: string }> }
>

/** Teams, users (owner@/member@/viewer@<team>.test) and memberships, upserted on their natural keys. */
export async function seedTeams(db: Db, config: SeedConfig, counter: SeedCounter): Promise<SeededTeams> {
  const result = {} as SeededTeams
  for (const spec of DEMO_TEAMS) {
    const team = await counter.upsert(
      'team',
      () => db.team.findUnique({ where: { slug: spec.slug } }),
      () =>
        db.team.create({
          data: { id: createId('team'), ...spec, createdAt: new Date(config.now.getTime() - 90 * 86_400_000) },
        }),
    )
    const users = {} as SeededTeams[DemoTeamSlug]['users']
    for (const { local, role, label } of DEMO_ROLES) {
      const email = `${local}@${spec.slug}.test`
      const user = await upsertUser(db, config, counter, email, `${spec.name.split(' ')[0]} ${label}`)
      await counter.upsert(
        'membership',
        () => db.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId: user.id } } }),
        () => db.membership.create({ data: { id: createId('mem'), teamId: team.id, userId: user.id, role } }),
      )
      users[local as 'owner'] = { id: user.id, email }
    }
    result[spec.slug] = { id: team.id, users }
  }
  return result
}

async function upsertUser(db: Db, config: SeedConfig, counter: SeedCounter, email: string, name: string) {
  const existing = await db.user.findUnique({ where: { email } })
  if (existing) {
    // Re-hash only when SEED_PASSWORD changed, so a second run with the same password writes nothing.
    if (!existing.passwordHash || !(await bcrypt.compare(config.password, existing.passwordHash))) {
      await db.user.update({ where: { id: existing.id }, data: { passwordHash: await hashPassword(config.password) } })
      counter.changed('user')
    }
    return existing
  }
  counter.changed('user')
  return db.user.create({
    data: { id: createId('usr'), email, name, passwordHash: await hashPassword(config.password) },
  })
}
