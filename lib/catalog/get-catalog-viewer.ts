import { cache } from 'react'
import { listUserTeams, requireUser } from '@/lib/auth/team-context'
import type { CatalogViewer } from './visible-api-where'

/** The signed-in user's team ids, which decide which PRIVATE APIs they may see. Cached per request. */
export const getCatalogViewer = cache(async (): Promise<CatalogViewer> => {
  const user = await requireUser()
  const memberships = await listUserTeams(user.id)
  return { teamIds: memberships.map((m) => m.team.id) }
})
