'use client'

import { createParser } from 'eventsource-parser'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Field, Select, Textarea } from '@/components/ui/form-field'
import { STREAM_HEADERS_HEADER, STREAM_STATUS_HEADER, type TryItResponse } from '@/lib/try-it/schemas'
import { KeyPicker, type TryItKey } from './key-picker'
import { postJsonTryIt, refusalMessage } from './post-json-try-it'

type Usage = { prompt_tokens?: number; completion_tokens?: number; cost?: string }
type Answer = {
  status: number
  text: string
  done: boolean
  usage: Usage | null
  headers: [string, string][]
  error: string | null
  chunks: number
}

const header = (headers: [string, string][], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1]

/**
 * Try-it for an AI_CHAT API: a model, a message and a stream toggle, sent through POST /api/try-it
 * (the same delegation path as every try-it call). A streamed answer is read chunk by chunk and
 * shown as it arrives; the tokens and the cost come from the final usage chunk (or the headers).
 */
export function AiChatTryIt({
  versionId,
  gatewayPath,
  models,
  keys,
}: {
  versionId: string
  gatewayPath: string
  models: string[]
  keys: TryItKey[]
}) {
  const [keyId, setKeyId] = useState(keys[0]?.id ?? '')
  const [model, setModel] = useState(models[0] ?? '')
  const [system, setSystem] = useState('')
  const [message, setMessage] = useState('Write a short poem about toll roads.')
  const [stream, setStream] = useState(true)
  const [pending, setPending] = useState(false)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  async function send(event: React.FormEvent) {
    event.preventDefault()
    if (!message.trim()) return setFailure('Write a message first')
    setFailure(null)
    setPending(true)
    setAnswer(null)
    const messages = [
      ...(system.trim() ? [{ role: 'system', content: system }] : []),
      { role: 'user', content: message },
    ]
    const body = JSON.stringify({
      model,
      messages,
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    })
    try {
      const sent = await postJsonTryIt({ keyId, versionId, path: '/chat/completions', body, stream })
      if (!sent.ok) return setFailure(sent.message)
      const res = sent.res
      if (stream) await readStream(res)
      else showWhole((await res.json()) as TryItResponse)
    } catch {
      setFailure('The console could not be reached')
    } finally {
      setPending(false)
    }
  }

  async function readStream(res: Response) {
    const status = Number(res.headers.get(STREAM_STATUS_HEADER) ?? 0)
    const headers = JSON.parse(decodeURIComponent(res.headers.get(STREAM_HEADERS_HEADER) ?? '%5B%5D')) as [
      string,
      string,
    ][]
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    if (status < 200 || status >= 300) {
      let text = ''
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += r.value
      return setAnswer({
        status,
        text: '',
        done: true,
        usage: null,
        headers,
        error: refusalMessage(text, status),
        chunks: 0,
      })
    }
    setAnswer({ status, text: '', done: false, usage: null, headers, error: null, chunks: 0 })
    const parser = createParser({
      onEvent(event) {
        if (event.data === '[DONE]') return setAnswer((a) => a && { ...a, done: true })
        try {
          const chunk = JSON.parse(event.data) as {
            choices?: { delta?: { content?: string | null } }[]
            usage?: Usage | null
            error?: { message?: string }
          }
          const piece = chunk.choices?.[0]?.delta?.content ?? ''
          setAnswer(
            (a) =>
              a && {
                ...a,
                text: a.text + piece,
                chunks: a.chunks + (piece ? 1 : 0),
                usage: chunk.usage ?? a.usage,
                error: chunk.error?.message ?? a.error,
              },
          )
        } catch {
          // A keep-alive or a non-JSON event: nothing to show.
        }
      },
    })
    for (let r = await reader.read(); !r.done; r = await reader.read()) parser.feed(r.value)
    setAnswer((a) => a && { ...a, done: true })
  }

  function showWhole(response: TryItResponse) {
    const ok = response.status >= 200 && response.status < 300
    let text = ''
    let usage: Usage | null = null
    if (ok && response.body) {
      try {
        const completion = JSON.parse(response.body) as {
          choices?: { message?: { content?: string } }[]
          usage?: Usage
        }
        text = completion.choices?.[0]?.message?.content ?? ''
        usage = completion.usage ?? null
      } catch {
        text = response.body
      }
    }
    setAnswer({
      status: response.status,
      text,
      done: true,
      usage,
      headers: response.headers,
      error: ok ? null : refusalMessage(response.body ?? '', response.status),
      chunks: text ? 1 : 0,
    })
  }

  const cost = answer?.usage?.cost ?? (answer ? header(answer.headers, 'x-tollgate-cost') : undefined)
  return (
    <form onSubmit={send} className="space-y-4" aria-label="Try the chat">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Model" name="chat-model">
          <Select name="chat-model" value={model} onChange={(e) => setModel(e.target.value)}>
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <KeyPicker name="chat-key" keys={keys} keyId={keyId} onChange={setKeyId} />
      </div>
      <Field label="System message (optional)" name="chat-system">
        <Textarea
          name="chat-system"
          rows={2}
          className="font-sans"
          value={system}
          onChange={(e) => setSystem(e.target.value)}
        />
      </Field>
      <Field label="Message" name="chat-message">
        <Textarea
          name="chat-message"
          rows={3}
          className="font-sans"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="chat-stream"
            checked={stream}
            onChange={(e) => setStream(e.target.checked)}
            className="rounded border-slate-300"
          />
          Stream the answer
        </label>
        <span className="font-mono text-xs text-slate-500">POST {gatewayPath}/chat/completions</span>
      </div>
      <Button type="submit" disabled={pending || !keyId || !model}>
        {pending ? 'Sending…' : 'Send'}
      </Button>
      {failure ? (
        <p role="alert" data-form-error className="text-sm text-red-600">
          {failure}
        </p>
      ) : null}
      {answer ? (
        <section
          aria-label="Chat answer"
          className="space-y-2"
          data-chat-answer
          data-done={answer.done ? 'true' : 'false'}
        >
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge
              tone={answer.status < 300 ? 'green' : answer.status === 402 || answer.status === 429 ? 'amber' : 'red'}
            >
              <span data-status>{answer.status}</span>
            </Badge>
            {header(answer.headers, 'x-tollgate-model') ? (
              <span className="text-slate-500">
                served by {header(answer.headers, 'x-tollgate-model')} ({header(answer.headers, 'x-tollgate-provider')})
              </span>
            ) : null}
            {!answer.done ? <span className="text-slate-500">streaming…</span> : null}
          </div>
          {answer.error ? (
            <p className="text-sm text-red-700" data-chat-error>
              {answer.error}
            </p>
          ) : (
            <p
              className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-900 ring-1 ring-slate-200"
              data-chat-text
            >
              {answer.text}
            </p>
          )}
          {answer.usage || cost ? (
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-chat-usage>
              <div>
                <dt className="inline text-slate-500">Input tokens </dt>
                <dd className="inline font-medium tabular-nums" data-input-tokens>
                  {answer.usage?.prompt_tokens ?? '—'}
                </dd>
              </div>
              <div>
                <dt className="inline text-slate-500">Output tokens </dt>
                <dd className="inline font-medium tabular-nums" data-output-tokens>
                  {answer.usage?.completion_tokens ?? '—'}
                </dd>
              </div>
              <div>
                <dt className="inline text-slate-500">Cost </dt>
                <dd className="inline font-medium tabular-nums" data-cost>
                  {cost ?? '—'}
                </dd>
              </div>
            </dl>
          ) : null}
        </section>
      ) : null}
    </form>
  )
}
