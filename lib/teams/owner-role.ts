import type { Actor } from '@/lib/auth/actor'
import type { Role } from '@/generated/sqlite/enums'
import { forbidden } from '@/lib/errors/app-error'

// Only an owner may create, grant, demote or remove an owner; otherwise an admin could
// promote themselves (or a friend) past the people who own the team.
export function assertCanTouchOwnerRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role !== 'OWNER' && roles.includes('OWNER')) {
    throw forbidden('Only an owner can grant, change or remove the owner role')
  }
}

export const lastOwnerMessage = 'A team needs at least one owner. Make someone else an owner first.'
