import type { ContractIndex } from '@/lib/openapi/build-contract-index.mjs'
import { ReferenceBrowser } from './reference-browser'

/**
 * The rendered reference of a contract, from the index stored when it was saved: its info, then
 * the operations grouped by tag with a searchable sidebar, then the schemas; each operation and
 * schema is fetched from `detailUrl` when it is opened (reference-browser.tsx; a version's is
 * versionDetailUrl(id)). `baseUrl` (the gateway address)
 * replaces the document's servers, which name upstreams that consumers must not call directly.
 * Every string is rendered as text, never as HTML.
 */
export function ApiReference({
  index,
  detailUrl,
  baseUrl,
  convertedFrom,
}: {
  index: ContractIndex
  detailUrl: string
  baseUrl?: string
  convertedFrom?: string | null
}) {
  const { info, servers } = index
  return (
    <div className="space-y-6" data-api-reference>
      <header className="space-y-1">
        <p className="text-sm font-semibold text-slate-900">
          {info.title} <span className="font-mono text-xs font-normal text-slate-500">{info.version}</span>
          <span className="ml-2 font-mono text-xs font-normal text-slate-400">OpenAPI {info.openapi}</span>
        </p>
        {convertedFrom === 'swagger-2.0' ? (
          <p data-converted className="text-xs text-sky-700">
            Converted from Swagger 2.0 when it was saved; the original is kept with the version.
          </p>
        ) : null}
        {info.description ? <p className="whitespace-pre-line text-sm text-slate-600">{info.description}</p> : null}
        {baseUrl ? (
          <p className="text-xs text-slate-500">
            Base URL: <code className="font-mono">{baseUrl}</code>
          </p>
        ) : servers.length > 0 ? (
          <p className="text-xs text-slate-500">
            Upstream servers:{' '}
            {servers.map((url) => (
              <code key={url} className="mr-2 font-mono">
                {url}
              </code>
            ))}
          </p>
        ) : null}
      </header>
      <ReferenceBrowser index={index} detailUrl={detailUrl} />
    </div>
  )
}

/** Where a stored version's operations and schemas are fetched from (app/api/reference/[versionId]). */
export function versionDetailUrl(versionId: string): string {
  return `/api/reference/${encodeURIComponent(versionId)}`
}
