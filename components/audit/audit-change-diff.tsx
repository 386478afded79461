// An entry's before and after, field by field: what changed is marked, what stayed is shown dim,
// so a reviewer sees at a glance which values an update touched. Values are rendered as text
// (React escapes them); secrets were redacted before the entry was written.

type Json = Record<string, unknown> | null

const text = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value))

function fieldsOf(before: unknown, after: unknown): { before: Json; after: Json; scalar: boolean } {
  const asRecord = (value: unknown): Json =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  return { before: asRecord(before), after: asRecord(after), scalar: !asRecord(before) && !asRecord(after) }
}

export function AuditChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const fields = fieldsOf(before, after)
  if (fields.scalar) {
    return <p className="text-sm text-slate-500">{after === null ? 'No details recorded.' : text(after)}</p>
  }
  const names = [...new Set([...Object.keys(fields.before ?? {}), ...Object.keys(fields.after ?? {})])]
  return (
    <table className="w-full table-fixed text-left text-xs" aria-label="Before and after">
      <thead>
        <tr className="text-slate-500">
          <th className="w-1/5 py-1 pr-2 font-medium">Field</th>
          <th className="w-2/5 py-1 pr-2 font-medium">Before</th>
          <th className="w-2/5 py-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {names.map((name) => {
          const was = fields.before?.[name]
          const now = fields.after?.[name]
          const changed = text(was) !== text(now)
          return (
            <tr key={name} data-changed={changed || undefined} className={changed ? 'bg-amber-50' : 'text-slate-400'}>
              <td className="py-1 pr-2 align-top font-sans font-medium text-slate-700">{name}</td>
              <td className="break-words py-1 pr-2 align-top">{fields.before ? text(was) : '—'}</td>
              <td className="break-words py-1 align-top">{text(now)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
