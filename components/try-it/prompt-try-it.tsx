'use client'

import { createParser } from 'eventsource-parser'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import type { WrappedObjectForm } from '@/lib/try-it/flat-object-form'
import { STREAM_STATUS_HEADER, type TryItResponse } from '@/lib/try-it/schemas'
import { FlatObjectFields, flatValuesToJson, initialFlatValues } from './flat-object-fields'
import { KeyPicker, type TryItKey } from './key-picker'
import { postJsonTryIt, refusalMessage } from './post-json-try-it'
import { TryItResponseView } from './try-it-response'

type Usage = { input_tokens?: number; output_tokens?: number }
type Streamed = {
  status: number
  text: string
  done: boolean
  usage: Usage | null
  cost: string | null
  error: string | null
}
type Outcome = { kind: 'whole'; response: TryItResponse } | { kind: 'stream'; answer: Streamed } | null

/**
 * Try-it for a body that wraps one flat object (a prompt API's `{"variables": {...}}`): a form
 * generated from the contract, a key and a stream toggle, sent through POST /api/try-it like every
 * try-it call. The whole JSON answer is shown as it came; a stream shows the text as it arrives and
 * the final event's tokens and cost.
 */
export function PromptTryIt({
  versionId,
  gatewayPath,
  form,
  keys,
}: {
  versionId: string
  gatewayPath: string
  form: WrappedObjectForm
  keys: TryItKey[]
}) {
  const [keyId, setKeyId] = useState(keys[0]?.id ?? '')
  const [values, setValues] = useState(() => initialFlatValues(form.fields))
  const [stream, setStream] = useState(false)
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [failure, setFailure] = useState<string | null>(null)

  async function send(event: React.FormEvent) {
    event.preventDefault()
    setFailure(null)
    setOutcome(null)
    setPending(true)
    const body = JSON.stringify({ [form.field]: flatValuesToJson(form.fields, values), ...(stream ? { stream } : {}) })
    try {
      const sent = await postJsonTryIt({ keyId, versionId, path: '/', body, stream })
      if (!sent.ok) return setFailure(sent.message)
      const res = sent.res
      if (stream) await readStream(res)
      else setOutcome({ kind: 'whole', response: (await res.json()) as TryItResponse })
    } catch {
      setFailure('The console could not be reached')
    } finally {
      setPending(false)
    }
  }

  async function readStream(res: Response) {
    const status = Number(res.headers.get(STREAM_STATUS_HEADER) ?? 0)
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    const show = (change: (a: Streamed) => Streamed) =>
      setOutcome((o) => (o?.kind === 'stream' ? { kind: 'stream', answer: change(o.answer) } : o))
    if (status < 200 || status >= 300) {
      let text = ''
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += r.value
      const answer = { status, text: '', done: true, usage: null, cost: null, error: refusalMessage(text, status) }
      return setOutcome({ kind: 'stream', answer })
    }
    setOutcome({ kind: 'stream', answer: { status, text: '', done: false, usage: null, cost: null, error: null } })
    const parser = createParser({
      onEvent(event) {
        try {
          const data = JSON.parse(event.data) as { text?: string; usage?: Usage; cost?: string; message?: string }
          if (event.event === 'delta') show((a) => ({ ...a, text: a.text + (data.text ?? '') }))
          else if (event.event === 'done')
            show((a) => ({ ...a, done: true, usage: data.usage ?? null, cost: data.cost ?? null }))
          else if (event.event === 'error')
            show((a) => ({ ...a, done: true, error: data.message ?? 'The stream failed', cost: data.cost ?? a.cost }))
        } catch {
          // A keep-alive or a non-JSON event: nothing to show.
        }
      },
    })
    for (let r = await reader.read(); !r.done; r = await reader.read()) parser.feed(r.value)
    show((a) => ({ ...a, done: true }))
  }

  return (
    <form onSubmit={send} className="space-y-4" aria-label="Try the prompt">
      <FlatObjectFields idPrefix="try-it-variable" fields={form.fields} values={values} onChange={setValues} />
      <div className="grid gap-3 sm:grid-cols-2">
        <KeyPicker name="prompt-key" keys={keys} keyId={keyId} onChange={setKeyId} />
        {form.stream ? (
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={stream}
              onChange={(e) => setStream(e.target.checked)}
              className="rounded border-slate-300"
            />
            Stream the answer
          </label>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || !keyId}>
          {pending ? 'Sending…' : 'Send'}
        </Button>
        <span className="break-all font-mono text-xs text-slate-500">POST {gatewayPath}</span>
      </div>
      {failure ? (
        <p role="alert" data-form-error className="text-sm text-red-600">
          {failure}
        </p>
      ) : null}
      {outcome?.kind === 'whole' ? <TryItResponseView response={outcome.response} /> : null}
      {outcome?.kind === 'stream' ? <StreamedAnswer answer={outcome.answer} /> : null}
    </form>
  )
}

function StreamedAnswer({ answer }: { answer: Streamed }) {
  return (
    <section aria-label="Streamed answer" className="space-y-2" data-done={answer.done ? 'true' : 'false'}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={answer.status < 300 && !answer.error ? 'green' : answer.status === 402 ? 'amber' : 'red'}>
          <span data-status>{answer.status}</span>
        </Badge>
        {!answer.done ? <span className="text-slate-500">streaming…</span> : null}
      </div>
      {answer.text ? (
        <p
          className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-900 ring-1 ring-slate-200"
          data-stream-text
        >
          {answer.text}
        </p>
      ) : null}
      {answer.error ? (
        <p className="text-sm text-red-700" data-stream-error>
          {answer.error}
        </p>
      ) : null}
      {answer.usage || answer.cost ? (
        <p className="text-sm text-slate-600" data-stream-usage>
          {answer.usage?.input_tokens ?? '—'} input / {answer.usage?.output_tokens ?? '—'} output tokens · cost{' '}
          {answer.cost ?? '—'}
        </p>
      ) : null}
    </section>
  )
}
