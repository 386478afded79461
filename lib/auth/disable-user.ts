import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'

// An operator's switch for a user: a disabled user cannot sign in (password or single sign-on),
// and every session they hold ends at its next request. Their memberships, keys and data stay.

export async function disableUser(userId: string, now = new Date()) {
  const user = await db.user
    .update({
      where: { id: userId },
      data: { disabledAt: now, sessionsValidAfter: now },
      select: { id: true, email: true, disabledAt: true },
    })
    .catch(rethrowMissing)
  return user
}

/** Lets the user sign in again; sessions ended by disabling stay ended. */
export async function enableUser(userId: string) {
  return db.user
    .update({ where: { id: userId }, data: { disabledAt: null }, select: { id: true, email: true, disabledAt: true } })
    .catch(rethrowMissing)
}

function rethrowMissing(error: unknown): never {
  if ((error as { code?: string }).code === 'P2025') throw notFound('User')
  throw error
}
