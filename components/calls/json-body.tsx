import type { CapturedBody } from '@/lib/calls/capture/get-call-capture'
import { formatBytes } from '@/components/ui/format'

// A captured body: JSON pretty-printed (a truncated document is shown as the text it is), other
// text as it came. React escapes it; nothing here is ever rendered as HTML.

function pretty(text: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), json: true }
  } catch {
    return { text, json: false }
  }
}

export function JsonBody({ title, body }: { title: string; body: CapturedBody }) {
  const shown = body.text === null ? null : pretty(body.text)
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="flex flex-wrap items-baseline gap-2 text-sm font-medium text-slate-900">
        {title}
        <span className="text-xs font-normal text-slate-500">
          {formatBytes(body.bytes)}
          {body.contentType ? ` · ${body.contentType}` : ''}
          {body.truncated ? ' · first 16 KB shown' : ''}
        </span>
      </h3>
      {shown ? (
        <pre
          className="max-h-96 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
          data-body={title}
          data-json={shown.json || undefined}
        >
          {shown.text}
        </pre>
      ) : (
        <p className="text-sm text-slate-400">
          {body.bytes === 0 ? 'No body.' : 'Not kept (binary, compressed, or headers-only capture).'}
        </p>
      )}
    </section>
  )
}
