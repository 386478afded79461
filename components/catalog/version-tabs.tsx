import Link from 'next/link'
import { StateBadge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import type { CatalogVersion } from '@/lib/catalog/get-catalog-api'

/** The API's versions, newest first; each one links to `?version=<label>` on the same page. */
export function VersionTabs({
  basePath,
  versions,
  selectedId,
}: {
  basePath: string
  versions: CatalogVersion[]
  selectedId: string | null
}) {
  return (
    <nav aria-label="Versions" className="flex flex-wrap gap-2">
      {versions.map((v) => {
        const selected = v.id === selectedId
        return (
          <Link
            key={v.id}
            href={`${basePath}?version=${encodeURIComponent(v.version)}`}
            aria-current={selected ? 'page' : undefined}
            className={cn(
              'inline-flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-inset',
              selected
                ? 'bg-white font-semibold text-slate-900 ring-brand-500 shadow-xs'
                : 'text-slate-600 ring-slate-200 hover:bg-white',
            )}
          >
            <span className="font-mono">{v.version}</span>
            <StateBadge state={v.state} />
          </Link>
        )
      })}
    </nav>
  )
}
