import type { Actor, TeamScope } from '@/lib/auth/actor'
import type { Permission } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors/app-error'
import { MANAGEMENT_TOKEN_PATTERN, hashManagementToken } from './token-format'
import { tokenPermissions, weakerRole } from './token-scopes'

export type ManagementCaller = {
  tokenId: string
  team: { id: string; slug: string }
  scope: TeamScope
  permissions: ReadonlySet<Permission>
}

// last-used is a hint for the settings page, not an audit trail: write it at most once a minute
// per token, so a busy script does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000

const unauthenticated = (message: string) => new AppError({ code: 'invalid_token', status: 401, message })

/** The bearer value of an Authorization header, or null. */
export function bearerOf(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match ? match[1] : null
}

/**
 * Who a management call acts as. The token must be live, and its creator still a member: the
 * effective role is the weaker of the token's and the creator's current one.
 */
export async function authenticateManagementToken(header: string | null, now = new Date()): Promise<ManagementCaller> {
  const value = bearerOf(header)
  if (!value) throw unauthenticated('Send a management token as Authorization: Bearer tgm_…')
  if (!MANAGEMENT_TOKEN_PATTERN.test(value)) throw unauthenticated('This is not a management token')
  const token = await db.managementToken.findUnique({
    where: { hash: hashManagementToken(value) },
    select: {
      id: true,
      teamId: true,
      role: true,
      access: true,
      grantBilling: true,
      grantAi: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdById: true,
    },
  })
  if (!token || token.revokedAt) throw unauthenticated('This token is unknown or revoked')
  if (token.expiresAt && token.expiresAt <= now) throw unauthenticated('This token has expired')
  const membership = token.createdById
    ? await db.membership.findFirst({
        where: { teamId: token.teamId, userId: token.createdById },
        select: {
          role: true,
          user: { select: { id: true, email: true, disabledAt: true } },
          team: { select: { slug: true } },
        },
      })
    : null
  if (!membership || membership.user.disabledAt) throw unauthenticated('This token’s creator no longer has access')
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.managementToken.updateMany({ where: { id: token.id, teamId: token.teamId }, data: { lastUsedAt: now } })
  }
  const role = weakerRole(token.role, membership.role)
  const actor: Actor = { userId: membership.user.id, email: membership.user.email, role }
  return {
    tokenId: token.id,
    team: { id: token.teamId, slug: membership.team.slug },
    scope: { teamId: token.teamId, actor },
    permissions: tokenPermissions(role, {
      access: token.access === 'write' ? 'write' : 'read',
      grantBilling: token.grantBilling,
      grantAi: token.grantAi,
    }),
  }
}
