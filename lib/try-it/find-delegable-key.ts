import { db } from '@/lib/db'
import { roleCan } from '@/lib/auth/permissions'
import type { CatalogUser } from '@/lib/catalog/visible-api-where'
import { notFound } from '@/lib/errors/app-error'

/**
 * A key the user may call with from the console: it belongs to one of their teams where their
 * role has 'keys.write' (a call may be billed to the team, so viewers cannot spend). Any other
 * id, another team's included, reads as "not found".
 */
export async function findDelegableKey(
  { userId }: CatalogUser,
  { keyId }: { keyId: string },
): Promise<{ id: string; teamId: string }> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { teamId: true, role: true } })
  const teamIds = memberships.filter((m) => roleCan(m.role, 'keys.write')).map((m) => m.teamId)
  const key = teamIds.length
    ? await db.apiKey.findFirst({ where: { id: keyId, teamId: { in: teamIds } }, select: { id: true, teamId: true } })
    : null
  if (!key) throw notFound('Key')
  return key
}

/** The user's keys that can still be used, for the try-it picker; never with their hash. */
export async function listDelegableKeys({ userId }: CatalogUser) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  })
  const teams = memberships.filter((m) => roleCan(m.role, 'keys.write')).map((m) => m.team)
  if (teams.length === 0) return []
  const now = new Date()
  const keys = await db.apiKey.findMany({
    where: {
      teamId: { in: teams.map((t) => t.id) },
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      AND: [{ OR: [{ graceEndsAt: null }, { graceEndsAt: { gt: now } }] }],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 200,
    select: { id: true, name: true, prefix: true, teamId: true, graceEndsAt: true },
  })
  const byId = new Map(teams.map((t) => [t.id, t]))
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    inGrace: k.graceEndsAt !== null,
    teamSlug: byId.get(k.teamId)?.slug ?? '',
    teamName: byId.get(k.teamId)?.name ?? '',
  }))
}
