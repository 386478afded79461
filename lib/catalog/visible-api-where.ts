import type { Prisma } from '@/generated/sqlite/client'
import { CATALOG_STATES } from './schemas'

/**
 * Who is looking at the catalog: the ids of the teams they belong to. The catalog is not one
 * team's data, so its reads take this scope first, the way team reads take `TeamReadScope`.
 */
export type CatalogViewer = { teamIds: string[] }
/** The signed-in user behind a viewer, for what is theirs to spend (try-it calls with a team key). */
export type CatalogUser = CatalogViewer & { userId: string }

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

/**
 * A version the viewer may read: of an INTERNAL API and no longer a draft, or of their own team's
 * (drafts included). The gateway answers 404 for drafts anyway.
 */
export function visibleVersionWhere({ teamIds }: CatalogViewer): Prisma.ApiVersionWhereInput {
  return { OR: [{ api: { visibility: 'INTERNAL' }, state: { not: 'DRAFT' } }, { teamId: { in: teamIds } }] }
}
