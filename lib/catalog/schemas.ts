import { z } from 'zod'
import { integerInput } from '@/lib/validation/numbers'
import { cleanSearchText, searchText } from '@/lib/validation/text'

export const CATALOG_PAGE_SIZE = 20
export const CATALOG_KINDS = ['REST', 'AI_CHAT', 'AI_PROMPT'] as const
// Only live states are listed: DRAFT is not released yet and RETIRED can no longer be called.
export const CATALOG_STATES = ['PUBLISHED', 'DEPRECATED'] as const
export const CATALOG_SORTS = ['name', 'updated'] as const
// More terms than this add nothing a user would notice but cost one LIKE each.
const MAX_TERMS = 8

// Search params arrive as string | string[] | undefined; a repeated key keeps its first value.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

// Every field falls back to its default on a bad value, so a hand-edited URL never causes a 500.
export const catalogQuerySchema = z.object({
  q: z
    .preprocess(
      first,
      z.string().transform((s) => cleanSearchText(s).slice(0, 200)),
    )
    .catch(''),
  team: z.preprocess(first, searchText().min(1).max(100)).optional().catch(undefined),
  tag: z.preprocess(first, searchText().min(1).max(100)).optional().catch(undefined),
  kind: z.preprocess(first, z.enum(CATALOG_KINDS)).optional().catch(undefined),
  state: z.preprocess(first, z.enum(CATALOG_STATES)).optional().catch(undefined),
  sort: z.preprocess(first, z.enum(CATALOG_SORTS)).catch('name'),
  page: z.preprocess(first, integerInput({ min: 1, max: 100_000 })).catch(1),
})

export type CatalogQuery = z.infer<typeof catalogQuerySchema>
export type CatalogSearchParams = Record<string, string | string[] | undefined>

export function parseCatalogQuery(searchParams: unknown): CatalogQuery {
  const input = searchParams && typeof searchParams === 'object' ? searchParams : {}
  return catalogQuerySchema.parse(input)
}

/**
 * Lower-cased, de-duplicated search terms; each one must appear in Api.searchText.
 * Prisma's `contains` is a LIKE without an ESCAPE clause and offers no way to add one, so `%` and
 * `_` act as wildcards (they can only widen a match). A backslash is PostgreSQL's default LIKE
 * escape but a plain character in SQLite, so it is treated as a separator to keep both identical.
 */
export function searchTerms(q: string): string[] {
  const terms = q
    .toLowerCase()
    .split(/[\s\\]+/)
    .filter(Boolean)
  return [...new Set(terms)].slice(0, MAX_TERMS)
}

/** The query as URL params (defaults omitted), for links that keep the current filters. */
export function catalogQueryToParams(query: CatalogQuery): Record<string, string | undefined> {
  return {
    q: query.q || undefined,
    team: query.team,
    tag: query.tag,
    kind: query.kind,
    state: query.state,
    sort: query.sort === 'name' ? undefined : query.sort,
    page: query.page > 1 ? String(query.page) : undefined,
  }
}

export function hasCatalogFilters(query: CatalogQuery): boolean {
  return Boolean(query.q || query.team || query.tag || query.kind || query.state)
}
