import { buildApiReference } from '@/lib/openapi/build-api-reference'
import { OperationView } from './operation-view'
import { SchemaView } from './schema-view'

/**
 * The rendered reference of an OpenAPI 3.x document as written ($refs and all): operations grouped
 * by tag (in the order the document declares its tags), each with parameters, request body and
 * responses, then every schema once under "Schemas", where references link to. The page is built
 * under a budget (build-api-reference.ts), so its size is bounded for any document. `baseUrl`
 * (the gateway address) replaces the document's servers, which name upstreams that consumers must
 * not call directly. Every string is rendered as text, never as HTML.
 */
export function ApiReference({ document, baseUrl }: { document: object; baseUrl?: string }) {
  const model = buildApiReference(document)
  return (
    <div className="space-y-6" data-api-reference>
      <header className="space-y-1">
        <p className="text-sm font-semibold text-slate-900">
          {model.title} <span className="font-mono text-xs font-normal text-slate-500">{model.version}</span>
        </p>
        {model.description ? <p className="whitespace-pre-line text-sm text-slate-600">{model.description}</p> : null}
        {baseUrl ? (
          <p className="text-xs text-slate-500">
            Base URL: <code className="font-mono">{baseUrl}</code>
          </p>
        ) : model.servers.length > 0 ? (
          <p className="text-xs text-slate-500">
            Upstream servers:{' '}
            {model.servers.map((url) => (
              <code key={url} className="mr-2 font-mono">
                {url}
              </code>
            ))}
          </p>
        ) : null}
      </header>
      {model.groups.length === 0 ? (
        <p className="text-sm text-slate-500">This document describes no operations.</p>
      ) : null}
      {model.groups.map((group) => (
        <section key={group.tag} aria-label={group.tag} className="space-y-2">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{group.tag}</h3>
            {group.description ? <p className="text-xs text-slate-500">{group.description}</p> : null}
          </div>
          <div className="space-y-2">
            {group.operations.map((operation) => (
              <OperationView key={operation.key} operation={operation} />
            ))}
          </div>
        </section>
      ))}
      {model.hiddenOperations > 0 ? (
        <p className="text-sm text-slate-500">
          … and {model.hiddenOperations} more operations, not shown: the document is too large to show in full on one
          page.
        </p>
      ) : null}
      {model.schemas.length > 0 ? (
        <section aria-label="Schemas" className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Schemas</h3>
          {model.schemas.map((entry) => (
            <details
              key={entry.anchor}
              id={entry.anchor}
              data-schema={entry.name}
              className="rounded-md px-3 py-2 ring-1 ring-slate-200 open:ring-slate-300 target:ring-2 target:ring-violet-400"
              open
            >
              <summary className="cursor-pointer font-mono text-sm font-medium text-slate-900">{entry.name}</summary>
              <div className="mt-2">
                <SchemaView schema={entry.schema} />
              </div>
            </details>
          ))}
          {model.hiddenSchemas > 0 ? (
            <p className="text-sm text-slate-500">… and {model.hiddenSchemas} more schemas, not shown.</p>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
