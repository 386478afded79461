import type { Role } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'

// Team roles from the identity provider. With AUTH_OIDC_GROUPS_CLAIM set (e.g. "groups"), each
// sign-in reads that claim of the ID token: entries "<team-slug>:<role>" (owner, admin, member,
// viewer; case-insensitive) make the user a member of that team with that role, as of this
// sign-in. Entries naming no team, or no role, are ignored; a team named twice gets the higher
// role. The provider is authoritative for the teams it names, with one exception: it never demotes
// an owner (a team must keep its owners, and only an owner may change an owner's role). Teams it
// does not name are left as they are, so invitations keep working beside it.

const ROLES: readonly Role[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER']

export function groupsClaimName(): string | null {
  return process.env.AUTH_OIDC_GROUPS_CLAIM?.trim() || null
}

/** The team roles a groups claim grants: slug → role. */
export function parseGroupRoles(claim: unknown): Map<string, Role> {
  const entries = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : []
  const roles = new Map<string, Role>()
  for (const entry of entries) {
    if (typeof entry !== 'string') continue
    const match = /^([a-z0-9][a-z0-9-]{0,62}):(owner|admin|member|viewer)$/i.exec(entry.trim())
    if (!match) continue
    const slug = match[1].toLowerCase()
    const role = match[2].toUpperCase() as Role
    const known = roles.get(slug)
    if (!known || ROLES.indexOf(role) > ROLES.indexOf(known)) roles.set(slug, role)
  }
  return roles
}

/** Applies a sign-in's group roles to the user's memberships, in one transaction. */
export async function applyGroupRoles(userId: string, roles: Map<string, Role>): Promise<void> {
  if (roles.size === 0) return
  await db.$transaction(async (tx) => {
    const teams = await tx.team.findMany({
      where: { slug: { in: [...roles.keys()] } },
      select: { id: true, slug: true },
    })
    for (const team of teams) {
      const role = roles.get(team.slug)!
      const current = await tx.membership.findUnique({ where: { teamId_userId: { teamId: team.id, userId } } })
      if (!current) {
        await tx.membership.create({ data: { id: createId('mem'), teamId: team.id, userId, role } })
      } else if (current.role !== role && current.role !== 'OWNER') {
        await tx.membership.update({ where: { id: current.id }, data: { role } })
      }
    }
  })
}
