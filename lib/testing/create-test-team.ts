// The one way tests get a team: the team row, its members (a user and a membership each) and, when
// asked, a billing account, written with db.* directly so tests depend on nothing but the schema.
// Slugs and emails carry a random suffix, so test files and specs sharing a database never collide.
//
//   const { team, scope } = await createTestTeam()                         // one owner
//   const acme = await createTestTeam({ label: 'acme' }, world.db)         // acme.id, acme.slug
//   const { members } = await createTestTeam({ members: { owner: 'OWNER', viewer: 'VIEWER' } })
//   await createTestTeam({ billingAccount: { paymentMethodStatus: 'VALID' } })
import type { BillingAccount, Prisma, Team, User } from '@/generated/sqlite/client'
import type { Role } from '@/generated/sqlite/enums'
import type { Actor, TeamScope } from '@/lib/auth/actor'
import { db as processDb, type Db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'

export type TestTeamOptions = {
  /** Starts the slug and the name: `acme` gives slug `acme-<random>` and name `Acme <random>`. Default `team`. */
  label?: string
  /** An exact slug, for tests that search by it (default: the label and a random suffix). */
  slug?: string
  name?: string
  contactEmail?: string
  /** Members by label, in order, each a user of its own. Default: one owner, `{ owner: 'OWNER' }`. */
  members?: Record<string, Role>
  /** A billing account with these settings (`{}` for the defaults); none when absent. */
  billingAccount?: Omit<Prisma.BillingAccountUncheckedCreateInput, 'id' | 'teamId'>
  /** Given to every member, so end-to-end specs can sign in as them. */
  passwordHash?: string
}

/**
 * A member as an `Actor`. It also carries `id` (the user id) and `teamId`, which the domains that
 * still take an actor type of their own read, so one value fits every signature.
 */
export type TestActor = Actor & { id: string; teamId: string }

export type TestMember = {
  userId: string
  email: string
  membershipId: string
  role: Role
  actor: TestActor
  /** `{ teamId, actor }`: what a data function takes first. */
  scope: TeamScope
}

/** The team row itself (`acme.id`, `acme.slug`), with the same row as `team` for destructuring. */
export type TestTeam = Team & {
  team: Team
  /** The first member's user, its actor and scope (the owner unless `members` says otherwise). */
  user: User
  actor: TestActor
  scope: TeamScope
  members: Record<string, TestMember>
  billingAccount: BillingAccount | null
}

/** A team with members; `client` is the database to write to (default: lib/db's, the test file's). */
export async function createTestTeam(options: TestTeamOptions = {}, client: Db = processDb): Promise<TestTeam> {
  const label = options.label ?? 'team'
  const suffix = randomToken(8)
  const team = await client.team.create({
    data: {
      id: createId('team'),
      slug: options.slug ?? `${label}-${suffix}`,
      name: options.name ?? `${label[0].toUpperCase()}${label.slice(1)} ${suffix}`,
      contactEmail: options.contactEmail,
    },
  })
  const members: Record<string, TestMember> = {}
  const users: User[] = []
  const roles: Record<string, Role> = options.members ?? { owner: 'OWNER' }
  for (const [memberLabel, role] of Object.entries(roles)) {
    const user = await createUser(memberLabel, client, options.passwordHash)
    const membership = await client.membership.create({
      data: { id: createId('mem'), teamId: team.id, userId: user.id, role },
    })
    const actor: TestActor = { id: user.id, userId: user.id, email: user.email, role, teamId: team.id }
    members[memberLabel] = {
      userId: user.id,
      email: user.email,
      membershipId: membership.id,
      role,
      actor,
      scope: { teamId: team.id, actor },
    }
    users.push(user)
  }
  const first = Object.values(members)[0]
  if (!first) throw new Error('createTestTeam: a team needs at least one member')
  const billingAccount = options.billingAccount
    ? await client.billingAccount.create({ data: { id: createId('bill'), teamId: team.id, ...options.billingAccount } })
    : null
  return { ...team, team, user: users[0], actor: first.actor, scope: first.scope, members, billingAccount }
}

/** A user who belongs to no team yet (invites, sign-in, team creation). */
export async function createUser(label: string, client: Db = processDb, passwordHash?: string): Promise<User> {
  const email = `${label}-${randomToken(8)}@example.test`
  return client.user.create({ data: { id: createId('usr'), email, name: label, passwordHash } })
}
