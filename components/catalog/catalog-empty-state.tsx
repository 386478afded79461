import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/card'
import type { CatalogFacets } from '@/lib/catalog/list-catalog-facets'
import { hasCatalogFilters, type CatalogQuery } from '@/lib/catalog/schemas'
import { kindLabel } from './format-labels'

/** "No APIs match …" names what was asked for, so the user sees which filter to drop. */
export function CatalogEmptyState({ query, facets }: { query: CatalogQuery; facets: CatalogFacets }) {
  if (!hasCatalogFilters(query)) {
    return (
      <EmptyState
        title="No APIs have been published yet"
        description="Published and deprecated APIs from every team appear here."
      />
    )
  }
  const parts: string[] = []
  if (query.q) parts.push(`“${query.q}”`)
  if (query.team) parts.push(`team ${facets.teams.find((t) => t.slug === query.team)?.name ?? query.team}`)
  if (query.tag) parts.push(`tag #${query.tag}`)
  if (query.kind) parts.push(`kind ${kindLabel(query.kind)}`)
  if (query.state) parts.push(`state ${query.state.toLowerCase()}`)
  return (
    <EmptyState
      title={`No APIs match ${parts.join(', ')}`}
      description="Try fewer words or clear the filters."
      action={
        <ButtonLink href="/catalog" variant="secondary">
          Clear filters
        </ButtonLink>
      }
    />
  )
}
