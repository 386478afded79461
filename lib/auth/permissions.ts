import type { Role } from '@/generated/sqlite/enums'

// Roles map to permissions here and only here. Every server action and route handler asks for a
// permission, never for a role, so changing what a role may do is a one-line change.
export const PERMISSIONS = [
  'team.read',
  'team.manage', // invite, change roles, remove members, team settings
  'apis.write', // create APIs, edit drafts, add versions and plans
  'apis.publish', // publish, deprecate, retire
  'apis.retire_early', // retire before the sunset date, with a reason
  'subscriptions.write', // subscribe, cancel
  'subscriptions.approve',
  'keys.write',
  'billing.read',
  'billing.write',
  'incidents.write',
  'ai.write',
] as const

export type Permission = (typeof PERMISSIONS)[number]

const ALL = new Set<Permission>(PERMISSIONS)

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  OWNER: ALL,
  ADMIN: new Set(PERMISSIONS.filter((p) => p !== 'apis.retire_early')),
  MEMBER: new Set<Permission>([
    'team.read',
    'apis.write',
    'apis.publish',
    'subscriptions.write',
    'keys.write',
    'billing.read',
    'ai.write',
  ]),
  VIEWER: new Set<Permission>(['team.read', 'billing.read']),
}

export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return ROLE_PERMISSIONS[role]
}

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission)
}

export const ROLES: Role[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']
