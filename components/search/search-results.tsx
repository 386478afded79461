import { cn } from '@/components/ui/cn'
import type { SearchHit } from '@/lib/search/search-console'

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  api: 'API',
  version: 'Version',
  team: 'Team',
  key: 'Key',
  call: 'Call',
  incident: 'Incident',
}

/** The search dialog's listbox; the input keeps focus and points at the active option. */
export function SearchResults({
  hits,
  active,
  pending,
  query,
  onPick,
  onHover,
}: {
  hits: SearchHit[]
  active: number
  pending: boolean
  query: string
  onPick: (hit: SearchHit) => void
  onHover: (index: number) => void
}) {
  if (!query)
    return <p className="px-1 text-xs text-slate-500">Type a name, a key prefix, a request id or an incident id.</p>
  if (hits.length === 0)
    return (
      <p role="status" className="px-1 text-sm text-slate-500" data-search-empty>
        {pending ? 'Searching…' : `Nothing found for “${query}”.`}
      </p>
    )
  return (
    <ul id="console-search-results" role="listbox" aria-label="Results" className="max-h-80 overflow-y-auto">
      {hits.map((hit, index) => (
        <li
          key={`${hit.kind}-${hit.href}-${hit.label}`}
          id={`console-search-hit-${index}`}
          role="option"
          aria-selected={index === active}
          data-search-hit={hit.kind}
          onMouseEnter={() => onHover(index)}
          onClick={() => onPick(hit)}
          className={cn(
            'flex cursor-pointer items-baseline gap-3 rounded-md px-2 py-1.5 text-sm',
            index === active ? 'bg-brand-50 text-brand-900' : 'text-slate-700',
          )}
        >
          <span className="w-16 shrink-0 text-xs font-medium text-slate-500 uppercase">{KIND_LABELS[hit.kind]}</span>
          <span className="min-w-0 truncate font-medium">{hit.label}</span>
          <span className="ml-auto min-w-0 truncate text-xs text-slate-500">{hit.detail}</span>
          {hit.team ? (
            <span
              className="max-w-[10rem] shrink-0 truncate rounded bg-slate-100 px-1.5 text-xs text-slate-600"
              data-search-team
            >
              {hit.team}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
