import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { CatalogApiDetail } from '@/lib/catalog/get-catalog-api'
import { kindLabel } from './format-labels'

/** Title block of a catalog entry: who owns it, how to reach them, and what kind of API it is. */
export function CatalogApiHeader({ api }: { api: CatalogApiDetail['api'] }) {
  return (
    <header className="mb-6">
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-slate-500">
        <Link href="/catalog" className="hover:text-slate-800">
          Catalog
        </Link>
        <span aria-hidden className="mx-1.5">
          /
        </span>
        <Link href={`/catalog?team=${encodeURIComponent(api.team.slug)}`} className="hover:text-slate-800">
          {api.team.name}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{api.name}</h1>
        <Badge tone="blue">{kindLabel(api.kind)}</Badge>
        {api.visibility === 'PRIVATE' ? (
          <Badge tone="violet">Private to {api.team.name}</Badge>
        ) : (
          <Badge>Internal</Badge>
        )}
      </div>
      {api.description ? <p className="mt-2 max-w-3xl text-sm text-slate-600">{api.description}</p> : null}
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Owner</dt>
          <dd className="font-medium text-slate-800">{api.team.name}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500">Contact</dt>
          <dd>
            {api.team.contactEmail ? (
              <a href={`mailto:${api.team.contactEmail}`} className="text-brand-600 hover:underline">
                {api.team.contactEmail}
              </a>
            ) : (
              <span className="text-slate-400">none given</span>
            )}
          </dd>
        </div>
      </dl>
      {api.tags.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
          {api.tags.map((tag) => (
            <li key={tag}>
              <Link
                href={`/catalog?tag=${encodeURIComponent(tag)}`}
                className="rounded-md px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-inset ring-slate-200 hover:bg-slate-50"
              >
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  )
}
