import 'server-only'
import { cache } from 'react'
import { notFound, redirect } from 'next/navigation'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors/app-error'
import { auth } from './auth'
import { permissionsFor, type Permission } from './permissions'

export type SessionUser = { id: string; email: string; name: string }

export type TeamContext = {
  user: SessionUser
  team: { id: string; slug: string; name: string }
  role: 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER'
  permissions: ReadonlySet<Permission>
  can: (permission: Permission) => boolean
}

/**
 * The signed-in user, or null. Cached per request. auth() has already checked that the session
 * is live and read the user's email and name in the same query (lib/auth/session-revocation.ts).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth()
  const user = session?.user
  if (!user?.id || !user.email) return null
  return { id: user.id, email: user.email, name: user.name ?? user.email }
})

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser()
  if (!user) redirect('/login')
  return user
}

/**
 * Loads the team by slug *through the user's membership*, so a team the user does not belong to
 * is indistinguishable from one that does not exist. Returns null in both cases.
 */
export const loadTeamContext = cache(async (userId: string, teamSlug: string) => {
  const membership = await db.membership.findFirst({
    where: { userId, team: { slug: teamSlug } },
    include: { team: { select: { id: true, slug: true, name: true } } },
  })
  return membership
})

function buildContext(
  user: SessionUser,
  membership: NonNullable<Awaited<ReturnType<typeof loadTeamContext>>>,
): TeamContext {
  const permissions = permissionsFor(membership.role)
  return {
    user,
    team: membership.team,
    role: membership.role,
    permissions,
    can: (permission) => permissions.has(permission),
  }
}

/** For pages: 404 unless the user is a member of the team. */
export async function requireTeamPage(teamSlug: string): Promise<TeamContext> {
  const user = await requireUser()
  const membership = await loadTeamContext(user.id, teamSlug)
  if (!membership) notFound()
  return buildContext(user, membership)
}

/** For server actions and route handlers: throws AppError (401/404/403) instead of redirecting. */
export async function requireTeamPermission(teamSlug: string, permission: Permission): Promise<TeamContext> {
  const user = await getSessionUser()
  if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' })
  const membership = await loadTeamContext(user.id, teamSlug)
  if (!membership) throw new AppError({ code: 'not_found', status: 404, message: 'Team not found' })
  const context = buildContext(user, membership)
  if (!context.can(permission)) {
    throw new AppError({
      code: 'forbidden',
      status: 403,
      message: `Your role (${context.role.toLowerCase()}) cannot do this`,
    })
  }
  return context
}

export async function listUserTeams(userId: string) {
  return db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
    orderBy: { team: { name: 'asc' } },
  })
}
