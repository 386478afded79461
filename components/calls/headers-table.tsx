/** Captured headers as sent, names lower-cased; redacted values are marked, never shown. */
export function HeadersTable({ title, headers }: { title: string; headers: Array<[string, string]> }) {
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-medium text-slate-900">{title}</h3>
      {headers.length === 0 ? (
        <p className="text-sm text-slate-400">None.</p>
      ) : (
        <dl className="grid grid-cols-[minmax(8rem,14rem)_1fr] gap-x-4 gap-y-1 font-mono text-xs">
          {headers.map(([name, value], index) => (
            <div key={`${name}-${index}`} className="contents" data-header={name}>
              <dt className="truncate text-slate-500" title={name}>
                {name}
              </dt>
              <dd className={value === '[redacted]' ? 'text-amber-700' : 'min-w-0 break-all text-slate-900'}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
