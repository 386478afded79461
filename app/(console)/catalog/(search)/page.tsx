import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/card'
import { Pagination, withParams } from '@/components/ui/pagination'
import { CatalogApiCard } from '@/components/catalog/catalog-api-card'
import { CatalogEmptyState } from '@/components/catalog/catalog-empty-state'
import { CatalogFilters } from '@/components/catalog/catalog-filters'
import { getCatalogViewer } from '@/lib/catalog/get-catalog-viewer'
import { listCatalogFacets } from '@/lib/catalog/list-catalog-facets'
import { catalogQueryToParams } from '@/lib/catalog/schemas'
import { searchCatalog } from '@/lib/catalog/search-catalog'

export const metadata: Metadata = { title: 'Catalog' }

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const viewer = await getCatalogViewer()
  const [result, facets] = await Promise.all([searchCatalog(viewer, await searchParams), listCatalogFacets(viewer)])
  const { query, items, total, page, pageCount } = result
  const current = catalogQueryToParams(query)

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Catalog"
        description="Every API shared across your organisation, plus your own teams' private ones."
      />
      <CatalogFilters query={query} facets={facets} />
      {items.length === 0 ? (
        <CatalogEmptyState query={query} facets={facets} />
      ) : (
        <>
          <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="APIs">
            {items.map((item) => (
              <CatalogApiCard
                key={item.id}
                item={item}
                tagHref={(tag) => withParams('/catalog', current, { tag, page: undefined })}
              />
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={pageCount}
            total={total}
            hrefFor={(p) => withParams('/catalog', current, { page: p > 1 ? p : undefined })}
          />
        </>
      )}
    </div>
  )
}
