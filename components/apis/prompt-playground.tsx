'use client'

import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { FlatObjectFields, flatValuesToJson, initialFlatValues } from '@/components/try-it/flat-object-fields'
import { FormMessage } from '@/components/ui/form-field'
import { Spinner } from '@/components/ui/spinner'
import type { PromptDraftRun } from '@/lib/ai/prompt/run-prompt-draft'
import { decimalToMicros, formatMicros } from '@/lib/billing/money'
import { type FormAction } from '@/lib/auth/action-result'
import type { FlatField } from '@/lib/try-it/flat-object-form'
import { useSubmit } from './use-submit'

/** Runs the saved draft with sample variables and shows the rendered prompt, the answer, tokens and cost. */
export function PromptPlayground({
  teamSlug,
  versionId,
  fields,
  action,
}: {
  teamSlug: string
  versionId: string
  fields: FlatField[]
  action: FormAction<PromptDraftRun>
}) {
  const [values, setValues] = useState(() => initialFlatValues(fields))
  const [state, formAction, pending] = useActionState(action, null)
  const submit = useSubmit(formAction)
  const run = state?.ok ? state.data : null
  const variableErrors = (name: string) => (run && !run.ok ? run.variableErrors?.[name] : undefined)

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Prompt playground">
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="variables" value={JSON.stringify(flatValuesToJson(fields, values))} />
      <FormMessage result={state} />
      {fields.length === 0 ? <p className="text-sm text-slate-500">This prompt has no variables.</p> : null}
      <FlatObjectFields
        idPrefix="playground"
        fields={fields}
        values={values}
        onChange={setValues}
        errorsFor={variableErrors}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Running…' : 'Run'}
        </Button>
        {pending ? <Spinner label="Calling the model" /> : null}
      </div>
      {run && !pending ? <PlaygroundResult run={run} /> : null}
    </form>
  )
}

function PlaygroundResult({ run }: { run: PromptDraftRun }) {
  return (
    <section aria-label="Playground result" className="space-y-3" data-playground-result={run.ok ? 'ok' : 'error'}>
      {!run.ok ? (
        <p role="alert" className="text-sm text-red-700" data-playground-error>
          {run.error.message}
        </p>
      ) : null}
      {run.system !== undefined || run.user !== undefined ? (
        <details open={run.ok} className="rounded-md bg-slate-50 ring-1 ring-slate-200">
          <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-700">Rendered prompt</summary>
          <div className="space-y-2 px-3 pb-3 text-xs">
            {run.system ? <Rendered title="System" text={run.system} /> : null}
            {run.user !== undefined ? <Rendered title="User" text={run.user} /> : null}
          </div>
        </details>
      ) : null}
      {run.ok ? (
        <>
          <div className="space-y-1">
            <h3 className="text-sm font-medium text-slate-700">Answer</h3>
            <pre
              className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
              data-playground-answer
            >
              {typeof run.output === 'string' ? run.output : JSON.stringify(run.output, null, 2)}
            </pre>
          </div>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-playground-usage>
            <Stat label="Input tokens" value={run.inputTokens} data="input-tokens" />
            <Stat label="Output tokens" value={run.outputTokens} data="output-tokens" />
            <Stat label="Cost" value={formatMicros(decimalToMicros(run.cost))} data="cost" />
            <Stat label="Model" value={`${run.model} (${run.provider})`} data="model" />
            <Stat label="Latency" value={`${run.latencyMs} ms`} data="latency" />
            {run.attempts > 1 ? <Stat label="Attempts" value={run.attempts} data="attempts" /> : null}
          </dl>
          <p className="text-xs text-slate-500">
            Playground runs are not metered or charged; cost is at the model’s prices.
          </p>
        </>
      ) : null}
    </section>
  )
}

function Rendered({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <p className="font-medium text-slate-600">{title}</p>
      <pre className="whitespace-pre-wrap break-words font-mono text-slate-900" data-rendered={title.toLowerCase()}>
        {text}
      </pre>
    </div>
  )
}

function Stat({ label, value, data }: { label: string; value: string | number; data: string }) {
  return (
    <div>
      <dt className="inline text-slate-500">{label} </dt>
      <dd className="inline font-medium tabular-nums" data-stat={data}>
        {value}
      </dd>
    </div>
  )
}
