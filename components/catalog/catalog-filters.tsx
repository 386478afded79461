import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-field'
import type { CatalogFacets } from '@/lib/catalog/list-catalog-facets'
import type { CatalogQuery } from '@/lib/catalog/schemas'
import { KIND_LABELS } from './format-labels'

/**
 * A plain GET form: every filter lives in the URL, submitting keeps the others and drops `page`
 * (a new filter starts at page 1). Works without JavaScript.
 */
export function CatalogFilters({ query, facets }: { query: CatalogQuery; facets: CatalogFacets }) {
  // Keep a filter that is in the URL selectable even if its facet list was capped or it matches nothing.
  const tags = query.tag && !facets.tags.includes(query.tag) ? [query.tag, ...facets.tags] : facets.tags
  const teams =
    query.team && !facets.teams.some((t) => t.slug === query.team)
      ? [{ slug: query.team, name: query.team }, ...facets.teams]
      : facets.teams
  return (
    <form
      method="get"
      action="/catalog"
      role="search"
      aria-label="Search the catalog"
      className="mb-5 grid gap-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(5,minmax(0,1fr))_auto]"
    >
      <FilterLabel label="Search" htmlFor="q" className="sm:col-span-2 lg:col-span-1">
        <Input type="search" name="q" defaultValue={query.q} placeholder="Name, description or tag" />
      </FilterLabel>
      <FilterLabel label="Team" htmlFor="team">
        <Select name="team" defaultValue={query.team ?? ''}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </Select>
      </FilterLabel>
      <FilterLabel label="Tag" htmlFor="tag">
        <Select name="tag" defaultValue={query.tag ?? ''}>
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </Select>
      </FilterLabel>
      <FilterLabel label="Kind" htmlFor="kind">
        <Select name="kind" defaultValue={query.kind ?? ''}>
          <option value="">All kinds</option>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </FilterLabel>
      <FilterLabel label="State" htmlFor="state">
        <Select name="state" defaultValue={query.state ?? ''}>
          <option value="">All states</option>
          <option value="PUBLISHED">Published</option>
          <option value="DEPRECATED">Deprecated</option>
        </Select>
      </FilterLabel>
      <FilterLabel label="Sort" htmlFor="sort">
        <Select name="sort" defaultValue={query.sort}>
          <option value="name">Name</option>
          <option value="updated">Last updated</option>
        </Select>
      </FilterLabel>
      <div className="flex items-end gap-2">
        <Button type="submit">Search</Button>
        <Link href="/catalog" className="px-1 py-2 text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      </div>
    </form>
  )
}

function FilterLabel({
  label,
  htmlFor,
  className,
  children,
}: {
  label: string
  htmlFor: string
  className?: string
  children: React.ReactNode
}) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  )
}
