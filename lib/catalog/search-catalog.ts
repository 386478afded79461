import { db } from '@/lib/db'
import type { Prisma } from '@/generated/sqlite/client'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { CATALOG_API_SELECT, type CatalogApiRow } from './catalog-api-select'
import { pickDefaultVersion } from './pick-default-version'
import { CATALOG_PAGE_SIZE, CATALOG_STATES, parseCatalogQuery, searchTerms, type CatalogQuery } from './schemas'
import { visibleApiWhere, type CatalogViewer } from './visible-api-where'

export type CatalogItem = Omit<CatalogApiRow, 'tags'> & {
  tags: string[]
  /** Label of the newest PUBLISHED version, else the newest DEPRECATED one. */
  latestVersion: string | null
}

export type CatalogPage = OffsetPage<CatalogItem> & { query: CatalogQuery; pageSize: number }

function buildCatalogWhere(viewer: CatalogViewer, query: CatalogQuery): Prisma.ApiWhereInput {
  const and: Prisma.ApiWhereInput[] = [visibleApiWhere(viewer), { state: query.state ?? { in: [...CATALOG_STATES] } }]
  // searchText is already lower-cased, so a plain (case-sensitive) LIKE behaves the same on
  // SQLite and PostgreSQL (see searchTerms for the wildcard characters).
  for (const term of searchTerms(query.q)) and.push({ searchText: { contains: term } })
  if (query.team) and.push({ team: { slug: query.team } })
  if (query.tag) and.push({ tags: { some: { tag: query.tag } } })
  if (query.kind) and.push({ kind: query.kind })
  return { AND: and }
}

function orderFor(query: CatalogQuery): Prisma.ApiOrderByWithRelationInput[] {
  // The id tie-breaker keeps page boundaries stable when names or timestamps collide.
  return query.sort === 'updated' ? [{ updatedAt: 'desc' }, { id: 'desc' }] : [{ name: 'asc' }, { id: 'asc' }]
}

/**
 * One page of the shared catalog as `viewer` may see it. `rawParams` is the page's searchParams:
 * every value is validated and bad ones fall back to defaults. Three queries whatever the page
 * size: the page, the count, and the latest version labels of the page's ids.
 */
export async function searchCatalog(viewer: CatalogViewer, rawParams: unknown): Promise<CatalogPage> {
  const query = parseCatalogQuery(rawParams)
  const where = buildCatalogWhere(viewer, query)
  const orderBy = orderFor(query)
  const rows = {
    count: () => db.api.count({ where }),
    findMany: (window: { skip: number; take: number }) =>
      db.api.findMany({ where, orderBy, select: CATALOG_API_SELECT, ...window }),
  }

  let page = await paginateOffset({ page: query.page, pageSize: CATALOG_PAGE_SIZE }, rows)
  // A stale link past the end (the list shrank) lands on the last page rather than an empty one.
  if (page.page > page.pageCount)
    page = await paginateOffset({ page: page.pageCount, pageSize: CATALOG_PAGE_SIZE }, rows)

  const labels = await latestVersionLabels(page.items.map((r) => r.id))
  const items: CatalogItem[] = page.items.map((row) => ({
    ...row,
    tags: row.tags.map((t) => t.tag),
    latestVersion: labels.get(row.id) ?? null,
  }))
  return { ...page, items, query: { ...query, page: page.page }, pageSize: CATALOG_PAGE_SIZE }
}

/** One query for the whole page: the label each API should advertise. */
async function latestVersionLabels(apiIds: string[]): Promise<Map<string, string>> {
  if (apiIds.length === 0) return new Map()
  const versions = await db.apiVersion.findMany({
    where: { apiId: { in: apiIds }, state: { in: [...CATALOG_STATES] } },
    select: { apiId: true, version: true, state: true, major: true, createdAt: true },
  })
  const byApi = new Map<string, typeof versions>()
  for (const v of versions) byApi.set(v.apiId, [...(byApi.get(v.apiId) ?? []), v])
  const labels = new Map<string, string>()
  for (const [apiId, list] of byApi) {
    const chosen = pickDefaultVersion(list)
    if (chosen) labels.set(apiId, chosen.version)
  }
  return labels
}
