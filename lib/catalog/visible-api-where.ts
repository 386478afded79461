import type { Prisma } from '@/generated/sqlite/client'
import { CATALOG_STATES } from './schemas'

/** Who is looking at the catalog: the ids of the teams they belong to. */
export type CatalogViewer = { teamIds: string[] }

/**
 * INTERNAL APIs are shared with every signed-in user; PRIVATE ones only with their own team.
 * Both branches start with `visibility`, so the (visibility, state, updatedAt) index serves them.
 */
export function visibleApiWhere(viewer: CatalogViewer): Prisma.ApiWhereInput {
  if (viewer.teamIds.length === 0) return { visibility: 'INTERNAL' }
  return {
    OR: [{ visibility: 'INTERNAL' }, { visibility: 'PRIVATE', teamId: { in: viewer.teamIds } }],
  }
}

/** Visible and live (PUBLISHED or DEPRECATED): what the catalog list and its facets show. */
export function listedApiWhere(viewer: CatalogViewer): Prisma.ApiWhereInput {
  return { AND: [visibleApiWhere(viewer), { state: { in: [...CATALOG_STATES] } }] }
}
