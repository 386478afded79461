import { db } from '@/lib/db'
import type { Prisma } from '@/generated/sqlite/client'
import { pickDefaultVersion } from './pick-default-version'
import { CATALOG_PAGE_SIZE, CATALOG_STATES, parseCatalogQuery, searchTerms, type CatalogQuery } from './schemas'
import { visibleApiWhere, type CatalogViewer } from './visible-api-where'

export type CatalogItem = {
  id: string
  slug: string
  name: string
  description: string
  kind: 'REST' | 'AI_CHAT' | 'AI_PROMPT'
  visibility: 'PRIVATE' | 'INTERNAL'
  state: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED'
  updatedAt: Date
  team: { slug: string; name: string }
  tags: string[]
  /** Label of the newest PUBLISHED version, else the newest DEPRECATED one. */
  latestVersion: string | null
}

export type CatalogPage = {
  query: CatalogQuery
  items: CatalogItem[]
  total: number
  page: number
  pageCount: number
  pageSize: number
}

const ITEM_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  kind: true,
  visibility: true,
  state: true,
  updatedAt: true,
  team: { select: { slug: true, name: true } },
  tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
} satisfies Prisma.ApiSelect

export function buildCatalogWhere(query: CatalogQuery, viewer: CatalogViewer): Prisma.ApiWhereInput {
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
 * One page of the shared catalog. `rawParams` is the page's searchParams: every value is
 * validated and bad ones fall back to defaults. Three queries whatever the page size: the page,
 * the count, and the latest version labels of the page's ids.
 */
export async function searchCatalog(rawParams: unknown, viewer: CatalogViewer): Promise<CatalogPage> {
  const query = parseCatalogQuery(rawParams)
  const where = buildCatalogWhere(query, viewer)
  const orderBy = orderFor(query)
  const findPage = (page: number) =>
    db.api.findMany({
      where,
      orderBy,
      select: ITEM_SELECT,
      skip: (page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
    })

  let page = query.page
  let [rows, total] = await Promise.all([findPage(page), db.api.count({ where })])
  const pageCount = Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE))
  // A stale link past the end (the list shrank) lands on the last page rather than an empty one.
  if (page > pageCount) {
    page = pageCount
    rows = total > 0 ? await findPage(page) : []
  }

  const labels = await latestVersionLabels(rows.map((r) => r.id))
  const items: CatalogItem[] = rows.map((row) => ({
    ...row,
    tags: row.tags.map((t) => t.tag),
    latestVersion: labels.get(row.id) ?? null,
  }))
  return { query: { ...query, page }, items, total, page, pageCount, pageSize: CATALOG_PAGE_SIZE }
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
