'use client'

import { useEffect, useMemo, useState } from 'react'
import type { ContractIndex } from '@/lib/openapi/build-contract-index.mjs'
import { schemaAnchor } from '@/lib/openapi/build-schema-model'
import { escapePointerToken } from '@/lib/openapi/json-pointer.mjs'
import { LazyOperation, LazySchema } from './lazy-entries'

// The reference of a contract of any size: a sidebar with the tags, or, once a search or a method
// filter is set, the matching operations (the main list narrows too); the operations grouped by
// tag; and the schemas, all from the stored index. Nothing of
// an operation or a schema beyond its line is sent until it is opened. A deep link
// (#operationId, #schema-Name) opens and shows its entry, on load and on every hash change.

type SchemaLink = { name: string; anchor: string; ref: string }

/** Sidebar lines before it asks for a narrower search: the main list has every operation anyway. */
const SIDEBAR_LINES = 100

export function ReferenceBrowser({ index, detailUrl }: { index: ContractIndex; detailUrl: string }) {
  const [query, setQuery] = useState('')
  const [methods, setMethods] = useState<ReadonlySet<string>>(new Set())
  // Schemas reached by a reference outside components/schemas, added when their link is followed.
  const [extraSchemas, setExtraSchemas] = useState<SchemaLink[]>([])
  const presentMethods = useMemo(() => [...new Set(index.operations.map((o) => o.method))], [index])
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    return index.operations.filter((operation) => {
      if (methods.size > 0 && !methods.has(operation.method)) return false
      const text =
        `${operation.method} ${operation.path} ${operation.operationId ?? ''} ${operation.summary ?? ''} ${operation.tag}`.toLowerCase()
      return words.every((word) => text.includes(word))
    })
  }, [index, query, methods])
  const searching = query.trim() !== '' || methods.size > 0
  const groups = index.tags
    .map((tag) => ({ ...tag, operations: shown.filter((operation) => operation.tag === tag.name) }))
    .filter((group) => group.operations.length > 0)
  const schemas: SchemaLink[] = useMemo(
    () =>
      index.schemas.map((name) => {
        const ref = `#/components/schemas/${escapePointerToken(name)}`
        return { name, ref, anchor: schemaAnchor(ref) }
      }),
    [index],
  )

  useEffect(() => {
    const openTarget = () => {
      const id = decodeURIComponent(window.location.hash.slice(1))
      const target = id ? document.getElementById(id) : null
      if (target instanceof HTMLDetailsElement) {
        target.open = true
        target.scrollIntoView({ block: 'start' })
      }
    }
    openTarget()
    window.addEventListener('hashchange', openTarget)
    return () => window.removeEventListener('hashchange', openTarget)
  }, [extraSchemas])

  const toggleMethod = (method: string) =>
    setMethods((current) => {
      const next = new Set(current)
      if (next.has(method)) next.delete(method)
      else next.add(method)
      return next
    })

  // A schema link whose target is not listed yet (a reference into another schema) adds it first.
  const onClick = (event: React.MouseEvent) => {
    const link = (event.target as HTMLElement).closest('a[data-ref]')
    const ref = link?.getAttribute('data-ref')
    const anchor = link?.getAttribute('href')?.slice(1)
    if (!ref || !anchor || document.getElementById(anchor)) return
    setExtraSchemas((current) => [...current, { name: ref.replace(/^#/, ''), ref, anchor }])
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]" onClick={onClick}>
      <nav aria-label="Operations" className="space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start">
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search operations"
          aria-label="Search operations"
          className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        <div className="flex flex-wrap gap-1" role="group" aria-label="Filter by method">
          {presentMethods.map((method) => (
            <button
              key={method}
              type="button"
              aria-pressed={methods.has(method)}
              onClick={() => toggleMethod(method)}
              className="rounded px-1.5 py-0.5 font-mono text-[11px] uppercase ring-1 ring-slate-200 aria-pressed:bg-slate-900 aria-pressed:text-white"
            >
              {method}
            </button>
          ))}
        </div>
        <p className="text-xs text-slate-500" data-operation-count>
          {shown.length} of {index.operations.length} operations
        </p>
        {searching ? (
          <ul
            aria-label="Matching operations"
            className="max-h-[60vh] space-y-0.5 overflow-y-auto text-xs lg:max-h-[calc(100vh-12rem)]"
          >
            {shown.slice(0, SIDEBAR_LINES).map((operation) => (
              <li key={operation.anchor}>
                <a
                  href={`#${operation.anchor}`}
                  data-sidebar-operation={operation.anchor}
                  className="flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-slate-100"
                >
                  <span className="ref-method" data-method={operation.method}>
                    {operation.method}
                  </span>
                  <span className="truncate">{operation.summary ?? operation.path}</span>
                </a>
              </li>
            ))}
            {shown.length > SIDEBAR_LINES ? (
              <li className="px-1 py-1 text-slate-500">
                … and {shown.length - SIDEBAR_LINES} more: search or filter to narrow the list
              </li>
            ) : null}
          </ul>
        ) : (
          <ul
            aria-label="Tags"
            className="max-h-[60vh] space-y-0.5 overflow-y-auto text-xs lg:max-h-[calc(100vh-12rem)]"
          >
            {groups.map((group) => (
              <li key={group.name}>
                <a href={`#tag-${group.name}`} className="flex justify-between rounded px-1 py-0.5 hover:bg-slate-100">
                  <span className="truncate">{group.name}</span>
                  <span className="text-slate-400">{group.operations.length}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div className="min-w-0 space-y-6">
        {groups.length === 0 ? (
          <p className="text-sm text-slate-500">
            {index.operations.length === 0 ? 'This document describes no operations.' : 'No operation matches.'}
          </p>
        ) : null}
        {groups.map((group) => (
          <section key={group.name} id={`tag-${group.name}`} aria-label={group.name} className="scroll-mt-4 space-y-2">
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{group.name}</h3>
              {group.description ? <p className="text-xs text-slate-500">{group.description}</p> : null}
            </div>
            <div className="space-y-2">
              {group.operations.map((operation) => (
                <LazyOperation key={operation.anchor} entry={operation} detailUrl={detailUrl} />
              ))}
            </div>
          </section>
        ))}
        {schemas.length + extraSchemas.length > 0 ? (
          <section aria-label="Schemas" className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-900">Schemas</h3>
            {[...schemas, ...extraSchemas].map((schema) => (
              <LazySchema
                key={schema.anchor}
                name={schema.name}
                anchor={schema.anchor}
                refText={schema.ref}
                detailUrl={detailUrl}
              />
            ))}
          </section>
        ) : null}
      </div>
    </div>
  )
}
