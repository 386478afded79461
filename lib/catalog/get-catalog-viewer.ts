import { cache } from 'react'
import { listUserTeams, requireUser } from '@/lib/auth/team-context'
import type { CatalogUser } from './visible-api-where'

/** The viewer scope of a user already known to be signed in (a route handler answers 401 itself). */
export async function catalogViewerOf(userId: string): Promise<CatalogUser> {
  const memberships = await listUserTeams(userId)
  return { userId, teamIds: memberships.map((m) => m.team.id) }
}

/** The signed-in user's team ids, which decide which PRIVATE APIs they may see. Cached per request. */
export const getCatalogViewer = cache(async (): Promise<CatalogUser> => catalogViewerOf((await requireUser()).id))
