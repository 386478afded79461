import Link from 'next/link'
import { Badge, StateBadge } from '@/components/ui/badge'
import type { CatalogItem } from '@/lib/catalog/search-catalog'
import { formatDate, kindLabel } from './format-labels'

/** One API in the catalog grid. `tagHref` keeps the current filters when a tag is clicked. */
export function CatalogApiCard({ item, tagHref }: { item: CatalogItem; tagHref: (tag: string) => string }) {
  const href = `/catalog/${item.team.slug}/${item.slug}`
  return (
    <li
      className="flex flex-col rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 hover:ring-slate-300"
      data-catalog-item={`${item.team.slug}/${item.slug}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-slate-900">
            <Link href={href} className="hover:text-brand-700 hover:underline">
              {item.name}
            </Link>
          </h2>
          <p className="truncate text-xs text-slate-500">by {item.team.name}</p>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          {item.visibility === 'PRIVATE' ? <Badge tone="violet">Private</Badge> : null}
          <StateBadge state={item.state} />
        </div>
      </div>
      <p className="mt-2 line-clamp-2 min-h-10 text-sm text-slate-600">
        {item.description || <span className="text-slate-400">No description</span>}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        <Badge tone="blue">{kindLabel(item.kind)}</Badge>
        {item.latestVersion ? <Badge>{item.latestVersion}</Badge> : null}
        {item.tags.map((tag) => (
          <Link
            key={tag}
            href={tagHref(tag)}
            className="rounded-md px-1.5 py-0.5 text-xs text-slate-500 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 hover:text-slate-800"
          >
            #{tag}
          </Link>
        ))}
      </div>
      <p className="mt-auto pt-3 text-xs text-slate-400">Updated {formatDate(item.updatedAt)}</p>
    </li>
  )
}
