import { isRecord, listOperations, type OperationEntry } from '@/lib/openapi/list-operations'
import { resolveRefs } from '@/lib/openapi/resolve-refs'
import { OperationView } from './operation-view'

const UNTAGGED = 'Other'

/**
 * The rendered reference of an OpenAPI 3.x document: operations grouped by tag (in the order the
 * document declares its tags), each with parameters, request body and responses. Works on raw or
 * already-dereferenced documents; `baseUrl` (the gateway address) replaces the document's servers,
 * which name upstreams that consumers must not call directly; every string is rendered as text, never as HTML.
 */
export function ApiReference({ document, baseUrl }: { document: object; baseUrl?: string }) {
  const resolved = resolveRefs(document) as Record<string, unknown>
  const info = isRecord(resolved.info) ? resolved.info : {}
  const groups = groupByTag(resolved, listOperations(resolved))
  const servers = Array.isArray(resolved.servers) ? resolved.servers.filter(isRecord) : []

  return (
    <div className="space-y-6" data-api-reference>
      <header className="space-y-1">
        <p className="text-sm font-semibold text-slate-900">
          {String(info.title ?? 'Untitled API')} <span className="font-mono text-xs font-normal text-slate-500">{String(info.version ?? '')}</span>
        </p>
        {typeof info.description === 'string' ? <p className="whitespace-pre-line text-sm text-slate-600">{info.description}</p> : null}
        {baseUrl ? (
          <p className="text-xs text-slate-500">Base URL: <code className="font-mono">{baseUrl}</code></p>
        ) : servers.length > 0 ? (
          <p className="text-xs text-slate-500">Upstream servers: {servers.map((s) => <code key={String(s.url)} className="mr-2 font-mono">{String(s.url)}</code>)}</p>
        ) : null}
      </header>
      {groups.length === 0 ? <p className="text-sm text-slate-500">This document describes no operations.</p> : null}
      {groups.map((group) => (
        <section key={group.tag} aria-label={group.tag} className="space-y-2">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{group.tag}</h3>
            {group.description ? <p className="text-xs text-slate-500">{group.description}</p> : null}
          </div>
          <div className="space-y-2">
            {group.operations.map((entry) => <OperationView key={entry.key} entry={entry} />)}
          </div>
        </section>
      ))}
    </div>
  )
}

function groupByTag(document: Record<string, unknown>, operations: OperationEntry[]) {
  const declared = Array.isArray(document.tags) ? document.tags.filter(isRecord) : []
  const groups = new Map<string, { tag: string; description?: string; operations: OperationEntry[] }>()
  for (const tag of declared) {
    if (typeof tag.name === 'string') groups.set(tag.name, { tag: tag.name, description: typeof tag.description === 'string' ? tag.description : undefined, operations: [] })
  }
  for (const entry of operations) {
    const tag = entry.operation.tags?.[0] ?? UNTAGGED
    if (!groups.has(tag)) groups.set(tag, { tag, operations: [] })
    groups.get(tag)!.operations.push(entry)
  }
  return [...groups.values()].filter((group) => group.operations.length > 0)
}
