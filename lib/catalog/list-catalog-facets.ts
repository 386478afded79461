import { db } from '@/lib/db'
import { listedApiWhere, type CatalogViewer } from './visible-api-where'

export type CatalogFacets = {
  teams: Array<{ slug: string; name: string }>
  tags: string[]
}

// A select with thousands of options helps nobody; the search box covers the long tail.
const MAX_TAGS = 500

/**
 * Options for the catalog's filter selects: only teams and tags that have at least one listed
 * API for this viewer, so a PRIVATE API's tags never leak to other teams.
 */
export async function listCatalogFacets(viewer: CatalogViewer): Promise<CatalogFacets> {
  const listed = listedApiWhere(viewer)
  const [teams, tagGroups] = await Promise.all([
    db.team.findMany({
      where: { apis: { some: listed } },
      select: { slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    // groupBy runs as SQL GROUP BY (Prisma's `distinct` would de-duplicate in memory).
    db.apiTag.groupBy({
      by: ['tag'],
      where: { api: listed },
      orderBy: { tag: 'asc' },
      take: MAX_TAGS,
    }),
  ])
  return { teams, tags: tagGroups.map((g) => g.tag) }
}
