'use client'

import { useMemo, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, Input, Select, Textarea } from '@/components/ui/form-field'
import type { ReplayRequest } from '@/lib/calls/replay-href'
import type { TryItOperation } from '@/lib/try-it/build-try-it-operations'
import type { TryItResponse } from '@/lib/try-it/schemas'
import { KeyPicker, type TryItKey } from './key-picker'
import { TryItResponseView } from './try-it-response'

type Outcome = { kind: 'response'; response: TryItResponse } | { kind: 'error'; message: string } | null

const paramId = (p: { in: string; name: string }) => `${p.in}:${p.name}`

function initialValues(operation: TryItOperation | undefined): Record<string, string> {
  return Object.fromEntries((operation?.parameters ?? []).map((p) => [paramId(p), p.example]))
}

/** "Replay in try-it" from a call's detail page: the operation whose method and path template match, filled in. */
function replayed(operations: TryItOperation[], replay: ReplayRequest | null | undefined) {
  if (!replay) return null
  for (const operation of operations) {
    if (operation.method.toUpperCase() !== replay.method) continue
    const names: string[] = []
    const pattern = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1]
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        names.push(name)
        return '([^/]+)'
      })
      .join('')
    const match = new RegExp(`^${pattern}$`).exec(replay.path)
    if (!match) continue
    const values = initialValues(operation)
    names.forEach((name, i) => {
      try {
        values[`path:${name}`] = decodeURIComponent(match[i + 1])
      } catch {
        values[`path:${name}`] = match[i + 1]
      }
    })
    const query = new URLSearchParams(replay.query)
    for (const p of operation.parameters) if (p.in === 'query') values[paramId(p)] = query.get(p.name) ?? ''
    return { operation, values, body: replay.body || (operation.body?.example ?? '') }
  }
  return null
}

/**
 * Fills an operation's parameters and body, then asks POST /api/try-it to call the gateway with the
 * chosen key. The browser never holds a key value: the server sends a short-lived delegation.
 */
export function TryItConsole({
  versionId,
  gatewayPath,
  operations,
  keys,
  replay,
}: {
  versionId: string
  gatewayPath: string
  operations: TryItOperation[]
  keys: TryItKey[]
  /** A call to send again, from its detail page (?replay=). */
  replay?: ReplayRequest | null
}) {
  const [initial] = useState(() => replayed(operations, replay))
  const [opKey, setOpKey] = useState(initial?.operation.key ?? operations[0]?.key ?? '')
  const operation = useMemo(() => operations.find((o) => o.key === opKey), [operations, opKey])
  const [values, setValues] = useState(() => initial?.values ?? initialValues(operations[0]))
  const [body, setBody] = useState(initial?.body ?? operations[0]?.body?.example ?? '')
  const [keyId, setKeyId] = useState(keys[0]?.id ?? '')
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)

  function choose(key: string) {
    const next = operations.find((o) => o.key === key)
    setOpKey(key)
    setValues(initialValues(next))
    setBody(next?.body?.example ?? '')
    setOutcome(null)
  }

  async function send(event: React.FormEvent) {
    event.preventDefault()
    if (!operation) return
    const params = operation.parameters
    const missing = params.filter((p) => p.required && !values[paramId(p)]?.trim())
    if (missing.length > 0)
      return setOutcome({ kind: 'error', message: `Fill in ${missing.map((p) => p.name).join(', ')}` })
    if (operation.body && body.trim() && /json/i.test(operation.body.contentType)) {
      try {
        JSON.parse(body)
      } catch {
        return setOutcome({ kind: 'error', message: 'The body is not valid JSON' })
      }
    }
    const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      encodeURIComponent(values[`path:${name}`] ?? ''),
    )
    const pick = (where: string) =>
      Object.fromEntries(
        params.filter((p) => p.in === where && values[paramId(p)] !== '').map((p) => [p.name, values[paramId(p)]]),
      )
    const headers = pick('header')
    if (operation.body) headers['content-type'] = operation.body.contentType

    setPending(true)
    setOutcome(null)
    try {
      const res = await fetch('/api/try-it', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          keyId,
          versionId,
          method: operation.method,
          path,
          query: pick('query'),
          headers,
          body: operation.body ? body : undefined,
        }),
      })
      const data = await res.json()
      // A non-2xx here is the console route refusing (problem+json); the gateway's answer is always 200 + data.
      setOutcome(
        res.ok
          ? { kind: 'response', response: data as TryItResponse }
          : { kind: 'error', message: data.detail ?? `The console answered ${res.status}` },
      )
    } catch {
      setOutcome({ kind: 'error', message: 'The console could not be reached' })
    } finally {
      setPending(false)
    }
  }

  if (operations.length === 0)
    return <p className="text-sm text-slate-500">This version&apos;s contract lists no operations to try.</p>

  return (
    <form onSubmit={send} className="space-y-4" aria-label="Try it">
      {replay ? (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800 ring-1 ring-brand-200">
          {initial
            ? `Prefilled from a logged call: ${replay.method} ${replay.path}. Pick a key and send it again.`
            : `The logged call ${replay.method} ${replay.path} matches no operation of this version's contract.`}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_16rem]">
        <Field label="Operation" name="try-operation">
          <Select name="try-operation" value={opKey} onChange={(e) => choose(e.target.value)}>
            {operations.map((o) => (
              <option key={o.key} value={o.key}>
                {o.key}
                {o.summary ? ` · ${o.summary}` : ''}
                {o.deprecated ? ' (deprecated)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <KeyPicker name="try-key" keys={keys} keyId={keyId} onChange={setKeyId} />
      </div>
      <p className="font-mono text-xs text-slate-500">
        {operation?.method} {gatewayPath}
        {operation?.path}
      </p>
      {operation && operation.parameters.length > 0 ? (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">Parameters</legend>
          {operation.parameters.map((p) => (
            <Field
              key={paramId(p)}
              label={`${p.name}${p.required ? ' *' : ''} (${p.in})`}
              name={`param-${paramId(p)}`}
              hint={p.description || undefined}
            >
              <Input
                name={`param-${paramId(p)}`}
                value={values[paramId(p)] ?? ''}
                required={p.required}
                onChange={(e) => setValues((v) => ({ ...v, [paramId(p)]: e.target.value }))}
              />
            </Field>
          ))}
        </fieldset>
      ) : null}
      {operation?.body ? (
        <Field label={`Body (${operation.body.contentType})${operation.body.required ? ' *' : ''}`} name="try-body">
          <Textarea
            name="try-body"
            rows={8}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            spellCheck={false}
          />
        </Field>
      ) : null}
      <Button type="submit" disabled={pending || !keyId}>
        {pending ? 'Sending…' : 'Send request'}
      </Button>
      {outcome?.kind === 'error' ? (
        <p role="alert" data-form-error className="text-sm text-red-600">
          {outcome.message}
        </p>
      ) : null}
      {outcome?.kind === 'response' ? <TryItResponseView response={outcome.response} /> : null}
    </form>
  )
}
