'use client'

import { useState } from 'react'
import type { OperationModel, SchemaEntry } from '@/lib/openapi/build-reference-detail'
import type { IndexedOperation } from '@/lib/openapi/build-contract-index.mjs'
import { cn } from '../ui/cn'
import { OperationBody } from './operation-view'
import { SchemaView } from './schema-view'

// One operation or schema of the reference: its line is on the page from the start; what is inside
// is fetched from /api/reference/{version} the first time it is opened (by a click, or by a deep
// link, which opens the <details> and so fires the same toggle).

type Loaded<T> = { state: 'idle' | 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string }

function useDetail<T>(url: string, pick: (body: Record<string, unknown>) => T) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'idle' })
  const load = () => {
    if (loaded.state !== 'idle') return
    setLoaded({ state: 'loading' })
    fetch(url, { headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = (await response.json()) as Record<string, unknown>
        if (!response.ok) throw new Error(typeof body.detail === 'string' ? body.detail : `HTTP ${response.status}`)
        setLoaded({ state: 'done', value: pick(body) })
      })
      .catch((error: Error) => setLoaded({ state: 'failed', message: error.message }))
  }
  return { loaded, load }
}

function Pending({ loaded }: { loaded: Loaded<unknown> }) {
  if (loaded.state === 'loading') return <p className="px-3 py-2 text-xs text-slate-500">Loading…</p>
  if (loaded.state === 'failed')
    return <p className="px-3 py-2 text-xs text-red-700">This could not be loaded: {loaded.message}</p>
  return null
}

export function LazyOperation({ entry, detailUrl }: { entry: IndexedOperation; detailUrl: string }) {
  const key = `${entry.method.toUpperCase()} ${entry.path}`
  const { loaded, load } = useDetail(
    `${detailUrl}?operation=${encodeURIComponent(`${entry.method} ${entry.path}`)}`,
    (body) => body.operation as OperationModel,
  )
  return (
    <details
      id={entry.anchor}
      data-operation={key}
      onToggle={(event) => event.currentTarget.open && load()}
      className="ref-entry"
    >
      <summary className="ref-line">
        <span className="ref-method" data-method={entry.method}>
          {entry.method}
        </span>
        <code className={cn('min-w-0 text-sm break-all', entry.deprecated && 'text-slate-400 line-through')}>
          {entry.path}
        </code>
        {entry.summary ? <span className="truncate text-sm text-slate-600">{entry.summary}</span> : null}
      </summary>
      {loaded.state === 'done' ? <OperationBody operation={loaded.value} /> : <Pending loaded={loaded} />}
    </details>
  )
}

export function LazySchema({
  name,
  anchor,
  refText,
  detailUrl,
}: {
  name: string
  anchor: string
  refText: string
  detailUrl: string
}) {
  const { loaded, load } = useDetail(
    `${detailUrl}?schema=${encodeURIComponent(refText)}`,
    (body) => body.schema as SchemaEntry,
  )
  return (
    <details
      id={anchor}
      data-schema={name}
      onToggle={(event) => event.currentTarget.open && load()}
      className="ref-entry"
    >
      <summary className="ref-schema-line">{name}</summary>
      {loaded.state === 'done' ? (
        <div className="px-3 pb-2">
          <SchemaView schema={loaded.value.schema} />
        </div>
      ) : (
        <Pending loaded={loaded} />
      )}
    </details>
  )
}
