'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import type { PromptVersionDesign } from '@/lib/ai/prompt/get-prompt-version-design'
import type { PromptModelChoice } from '@/lib/ai/prompt/list-prompt-model-choices'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import { emptyVariableRow, PromptVariablesEditor, rowOf, variableOf } from './prompt-variables-editor'
import { useSubmit } from './use-submit'

/**
 * An AI_PROMPT version's design: the template's system and user parts, its typed variables, the
 * model (a chat model or an AI_CHAT route), the generation settings and an optional output JSON
 * Schema. Variables travel as one JSON field; the server checks placeholders against them and
 * generates the contract. Creates a version (with `apiId`) or saves a draft (with `versionId`).
 */
export function PromptVersionForm({
  teamSlug,
  apiSlug,
  action,
  choices,
  suggestedLabel,
  apiId,
  versionId,
  initial,
}: {
  teamSlug: string
  apiSlug: string
  action: FormAction<SavedVersion>
  choices: PromptModelChoice[]
  suggestedLabel?: string
  apiId?: string
  versionId?: string
  initial?: PromptVersionDesign
}) {
  const router = useRouter()
  const [rows, setRows] = useState(() => (initial ? initial.variables.map(rowOf) : [emptyVariableRow()]))
  const [choice, setChoice] = useState(
    () => initial?.choice || (choices[0] ? `${choices[0].kind}:${choices[0].id}` : ''),
  )
  const [state, formAction, pending] = useActionState(
    async (previous: ActionState<SavedVersion>, formData: FormData) => {
      const result = await action(previous, formData)
      if (result?.ok && result.data.created)
        router.push(`/t/${teamSlug}/apis/${apiSlug}/versions/${result.data.versionId}`)
      else if (result?.ok) router.refresh()
      return result
    },
    null,
  )
  const submit = useSubmit(formAction)
  const errors = (name: string) => fieldErrorsFor(state, name)
  const variableErrors = (index: number) =>
    state && !state.ok
      ? Object.entries(state.fieldErrors ?? {})
          .filter(([key]) => key === `variables.${index}` || key.startsWith(`variables.${index}.`))
          .flatMap(([, messages]) => messages)
      : []
  const [kind, id] = choice.split(':')

  if (choices.length === 0)
    return (
      <p className="text-sm text-slate-600">
        Add a chat model on the AI page first; a prompt runs on one of your team&apos;s models.
      </p>
    )

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Prompt version design">
      <input type="hidden" name="team" value={teamSlug} />
      {apiId ? <input type="hidden" name="apiId" value={apiId} /> : null}
      {versionId ? <input type="hidden" name="versionId" value={versionId} /> : null}
      <input type="hidden" name="variables" value={JSON.stringify(rows.map(variableOf))} />
      <input type="hidden" name="modelId" value={kind === 'model' ? id : ''} />
      <input type="hidden" name="chatRouteId" value={kind === 'route' ? id : ''} />
      <FormMessage result={state} />
      {state?.ok && !state.data.created ? (
        <p role="status" className="text-sm text-green-700">
          Draft saved; the contract was generated again.
        </p>
      ) : null}
      {suggestedLabel !== undefined ? (
        <div className="max-w-xs">
          <Field label="Version label" name="prompt-version" errors={errors('version')}>
            <Input
              id="prompt-version"
              name="version"
              required
              defaultValue={suggestedLabel}
              invalid={!!errors('version')}
            />
          </Field>
        </div>
      ) : null}
      <Field
        label="System template"
        name="systemTemplate"
        errors={errors('systemTemplate')}
        hint="Instructions for the model (optional). Use {{name}} for a variable."
      >
        <Textarea
          name="systemTemplate"
          rows={4}
          defaultValue={initial?.systemTemplate ?? ''}
          invalid={!!errors('systemTemplate')}
        />
      </Field>
      <Field
        label="User template"
        name="userTemplate"
        errors={errors('userTemplate')}
        hint="The message sent for each call, e.g. Summarise this: {{text}}"
      >
        <Textarea
          name="userTemplate"
          rows={4}
          defaultValue={initial?.userTemplate ?? ''}
          invalid={!!errors('userTemplate')}
        />
      </Field>
      <PromptVariablesEditor rows={rows} onChange={setRows} errorsFor={variableErrors} readOnly={false} />
      {errors('variables')?.map((message) => (
        <p key={message} className="text-xs text-red-600" data-field-error="variables">
          {message}
        </p>
      ))}
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <Field
            label="Model"
            name="prompt-model"
            errors={[...(errors('modelId') ?? []), ...(errors('chatRouteId') ?? [])]}
          >
            <Select id="prompt-model" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {choices.map((c) => (
                <option key={`${c.kind}:${c.id}`} value={`${c.kind}:${c.id}`}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          label="Temperature"
          name="temperature"
          errors={errors('temperature')}
          hint="0 to 2; empty for the model's default"
        >
          <Input
            name="temperature"
            inputMode="decimal"
            defaultValue={initial?.temperature ?? ''}
            invalid={!!errors('temperature')}
          />
        </Field>
        <Field label="Max output tokens" name="maxOutputTokens" errors={errors('maxOutputTokens')}>
          <Input
            name="maxOutputTokens"
            inputMode="numeric"
            defaultValue={initial?.maxOutputTokens ?? ''}
            invalid={!!errors('maxOutputTokens')}
          />
        </Field>
      </div>
      <Field
        label="Output JSON Schema (optional)"
        name="outputSchema"
        errors={errors('outputSchema')}
        hint="When set, the model is asked for JSON and its answer is validated against this schema."
      >
        <Textarea
          name="outputSchema"
          rows={5}
          placeholder='{"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]}'
          defaultValue={initial?.outputSchema ? JSON.stringify(initial.outputSchema, null, 2) : ''}
          invalid={!!errors('outputSchema')}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : versionId ? 'Save draft' : 'Create version'}
      </Button>
    </form>
  )
}
