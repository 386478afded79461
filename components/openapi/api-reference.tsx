import type { ContractIndex } from '@/lib/openapi/build-contract-index.mjs'
import { BaseUrlCopy } from './base-url-copy'
import { ReferenceBrowser } from './reference-browser'
import { ReferenceSettings } from './reference-settings'

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
  ai = false,
  downloadUrl,
}: {
  index: ContractIndex
  detailUrl: string
  baseUrl?: string
  convertedFrom?: string | null
  /** An AI_CHAT API: its chat operation also gets OpenAI SDK samples. */
  ai?: boolean
  /** Where the stored document downloads from (contractDownloadUrl). */
  downloadUrl?: string
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
          <div className="space-y-2 text-xs text-slate-500">
            <p className="flex flex-wrap items-center gap-2">
              Base URL: <BaseUrlCopy basePath={baseUrl} />
              {downloadUrl ? (
                <a href={downloadUrl} download className="text-brand-700 hover:underline" data-download-contract>
                  Download the contract
                </a>
              ) : null}
            </p>
            <section aria-label="Authentication" className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-100">
              <h3 className="mb-1 text-xs font-semibold text-slate-700">Authentication</h3>
              <p>
                Every call carries one of your team&apos;s keys (Keys page; shown once when created), in either header:{' '}
                <code className="font-mono text-slate-700">Authorization: Bearer tg_live_…</code> or{' '}
                <code className="font-mono text-slate-700">X-Api-Key: tg_live_…</code>. Not both: a call with two keys
                is refused. The samples read it from the <code className="font-mono">TOLLGATE_KEY</code> environment
                variable.
              </p>
            </section>
          </div>
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
      <ReferenceSettings value={{ basePath: baseUrl ?? null, ai }}>
        <ReferenceBrowser index={index} detailUrl={detailUrl} />
      </ReferenceSettings>
    </div>
  )
}

/** Where a stored version's OpenAPI document downloads from (app/api/reference/[versionId]/contract). */
export function contractDownloadUrl(versionId: string): string {
  return `/api/reference/${encodeURIComponent(versionId)}/contract`
}

/** Where a stored version's operations and schemas are fetched from (app/api/reference/[versionId]). */
export function versionDetailUrl(versionId: string): string {
  return `/api/reference/${encodeURIComponent(versionId)}`
}
