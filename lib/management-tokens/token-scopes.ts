import type { Role } from '@/generated/sqlite/enums'
import { permissionsFor, ROLES, type Permission } from '@/lib/auth/permissions'

// What a management token may do: the permissions of the LOWER of the role it was created with and
// its creator's role today (a demoted or removed creator takes their tokens down with them),
// narrowed by the token's own scopes. `read` gives team.read only; `write` adds every write of the
// role except billing and AI, which need their own grants.
export const TOKEN_ACCESS = ['read', 'write'] as const
export type TokenAccess = (typeof TOKEN_ACCESS)[number]

export type TokenGrants = { access: TokenAccess; grantBilling: boolean; grantAi: boolean }

const BILLING: ReadonlySet<Permission> = new Set(['billing.read', 'billing.write'])
const AI: ReadonlySet<Permission> = new Set(['ai.write'])

/** OWNER > ADMIN > MEMBER > VIEWER: ROLES lists them strongest first. */
export function weakerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b
}

export function tokenPermissions(role: Role, grants: TokenGrants): ReadonlySet<Permission> {
  const allowed = new Set<Permission>()
  for (const permission of permissionsFor(role)) {
    if (BILLING.has(permission)) {
      if (!grants.grantBilling) continue
      if (permission === 'billing.write' && grants.access !== 'write') continue
    } else if (AI.has(permission)) {
      if (!grants.grantAi || grants.access !== 'write') continue
    } else if (permission !== 'team.read' && grants.access !== 'write') continue
    allowed.add(permission)
  }
  return allowed
}

/** "write + billing + ai", for the tokens table. */
export function describeGrants(grants: TokenGrants): string {
  return [grants.access, grants.grantBilling ? 'billing' : null, grants.grantAi ? 'ai' : null]
    .filter(Boolean)
    .join(' + ')
}
