import { Badge } from '@/components/ui/badge'
import type { OpenApiChange } from '@/lib/openapi/diff-openapi'

/** Contract changes, breaking ones first and highlighted. */
export function ChangeList({ changes }: { changes: OpenApiChange[] }) {
  if (changes.length === 0)
    return (
      <p className="p-3 text-sm text-slate-500">No differences in paths, parameters, request or response schemas.</p>
    )
  const sorted = [...changes].sort((a, b) => Number(b.breaking) - Number(a.breaking))
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Changes">
      {sorted.map((change, index) => (
        <li
          key={`${change.location}:${change.kind}:${index}`}
          data-breaking={change.breaking || undefined}
          className={`flex flex-col gap-0.5 px-3 py-2 ${change.breaking ? 'bg-red-50/60' : ''}`}
        >
          <span className="flex flex-wrap items-center gap-2">
            {change.breaking ? <Badge tone="red">Breaking</Badge> : <Badge tone="green">Compatible</Badge>}
            <code className="font-mono text-xs font-semibold text-slate-800">{change.path}</code>
            <span className="text-slate-700">{change.message}</span>
          </span>
          <code className="font-mono text-[11px] break-all text-slate-400">{change.location}</code>
        </li>
      ))}
    </ul>
  )
}
