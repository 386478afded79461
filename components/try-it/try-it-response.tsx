import { Badge } from '@/components/ui/badge'
import type { TryItResponse } from '@/lib/try-it/schemas'

/** Pretty-prints JSON (problem+json included); anything else is shown as the text it is. */
function formatBody(response: TryItResponse): string {
  if (response.body === null)
    return `(binary body, ${response.bytes.toLocaleString('en-US')} bytes, ${response.contentType ?? 'no content type'})`
  if (response.body === '') return '(empty body)'
  if (!response.truncated && response.contentType && /json/i.test(response.contentType)) {
    try {
      return JSON.stringify(JSON.parse(response.body), null, 2)
    } catch {
      // Not valid JSON after all: show it raw.
    }
  }
  return response.body
}

const tone = (status: number) =>
  status < 300 ? 'green' : status < 400 ? 'blue' : status === 402 || status === 429 ? 'amber' : 'red'

export function TryItResponseView({ response }: { response: TryItResponse }) {
  return (
    <section aria-label="Response" className="space-y-2" data-try-it-response>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={tone(response.status)}>
          <span data-status>{response.status}</span>&nbsp;{response.statusText}
        </Badge>
        <span className="text-slate-500">{response.elapsedMs} ms</span>
        <span className="text-slate-500">{response.bytes.toLocaleString('en-US')} bytes</span>
        <code className="truncate font-mono text-xs text-slate-500" title={response.url}>
          {response.url}
        </code>
      </div>
      {response.truncated ? <p className="text-xs text-amber-700">The body was cut at 1 MB.</p> : null}
      <details className="rounded-md bg-slate-50 ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-700">
          Response headers ({response.headers.length})
        </summary>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 px-3 pb-2 font-mono text-xs">
          {response.headers.map(([name, value], i) => (
            <div key={`${name}-${i}`} className="contents">
              <dt className="text-slate-500">{name}</dt>
              <dd className="break-all text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <pre
        className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
        data-response-body
      >
        {formatBody(response)}
      </pre>
    </section>
  )
}
