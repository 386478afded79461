'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useRef, useState } from 'react'
import { useSubmit } from '@/components/apis/use-submit'
import { Button, ButtonLink } from '@/components/ui/button'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import { AI_PROVIDER_KINDS, PROVIDER_KIND_LABELS } from '@/lib/ai/console/kinds'
import type { ProviderOutput } from '@/lib/ai/console/schemas'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'

type Saved = { id: string; name: string }

/** Adds a provider, or edits `provider`. The key is write-only: the form only ever shows its hint. */
export function ProviderForm({
  teamSlug,
  action,
  provider,
  cancelHref,
}: {
  teamSlug: string
  action: FormAction<Saved>
  provider?: ProviderOutput
  cancelHref?: string
}) {
  const router = useRouter()
  const form = useRef<HTMLFormElement>(null)
  const [state, formAction, pending] = useActionState(async (previous: ActionState<Saved>, formData: FormData) => {
    const result = await action(previous, formData)
    if (result?.ok && provider && cancelHref) router.replace(cancelHref, { scroll: false })
    if (result?.ok && !provider) form.current?.reset()
    return result
  }, null)
  const submit = useSubmit(formAction)
  // Stored headers are kept unless the textarea is edited (their values are never sent back here).
  const storedHeaders = (provider?.headerNames.length ?? 0) > 0
  const [headersTouched, setHeadersTouched] = useState(false)
  const p = provider ? 'edit-provider' : 'provider'
  const errors = (name: string) => fieldErrorsFor(state, name)
  return (
    <form
      ref={form}
      onSubmit={submit}
      className="space-y-3"
      aria-label={provider ? `Edit provider ${provider.name}` : 'New provider'}
    >
      <input type="hidden" name="team" value={teamSlug} />
      {provider ? <input type="hidden" name="providerId" value={provider.id} /> : null}
      <FormMessage result={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Provider name" name={`${p}-name`} errors={errors('name')}>
          <Input
            id={`${p}-name`}
            name="name"
            required
            placeholder="OpenAI production"
            defaultValue={provider?.name}
            invalid={!!errors('name')}
          />
        </Field>
        <Field label="Kind" name={`${p}-kind`} errors={errors('kind')}>
          <Select id={`${p}-kind`} name="kind" defaultValue={provider?.kind ?? 'OPENAI'} invalid={!!errors('kind')}>
            {AI_PROVIDER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PROVIDER_KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Base URL"
          name={`${p}-baseUrl`}
          errors={errors('baseUrl')}
          hint="e.g. https://api.openai.com/v1 or https://api.anthropic.com/v1"
        >
          <Input
            id={`${p}-baseUrl`}
            name="baseUrl"
            required
            type="url"
            placeholder="https://api.openai.com/v1"
            defaultValue={provider?.baseUrl}
            invalid={!!errors('baseUrl')}
          />
        </Field>
        <Field
          label="API key"
          name={`${p}-apiKey`}
          errors={errors('apiKey')}
          hint={
            provider?.keyHint
              ? `Stored: ${provider.keyHint}. Leave empty to keep it.`
              : 'Encrypted at rest and never shown again. Optional for keyless servers.'
          }
        >
          <Input
            id={`${p}-apiKey`}
            name="apiKey"
            type="password"
            autoComplete="off"
            placeholder={provider?.keyHint ?? 'sk-…'}
            invalid={!!errors('apiKey')}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field
            label="Extra headers (optional)"
            name={`${p}-headers`}
            errors={errors('headers')}
            hint={
              provider && provider.headerNames.length > 0
                ? `Stored: ${provider.headerNames.join(', ')} (values hidden). Leave as is to keep them; write new lines to replace them all.`
                : 'One “Name: value” per line, e.g. api-key for Azure or HTTP-Referer for OpenRouter. Encrypted at rest.'
            }
          >
            <Textarea
              id={`${p}-headers`}
              name={storedHeaders && !headersTouched ? undefined : 'headers'}
              rows={2}
              placeholder="OpenAI-Project: proj_…"
              invalid={!!errors('headers')}
              onChange={() => setHeadersTouched(true)}
            />
          </Field>
        </div>
        {provider?.keyHint ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="clearApiKey" value="true" className="rounded border-slate-300" />
            Remove the stored key
          </label>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {provider ? (pending ? 'Saving…' : 'Save provider') : pending ? 'Adding…' : 'Add provider'}
        </Button>
        {provider && cancelHref ? (
          <ButtonLink variant="ghost" href={cancelHref} scroll={false}>
            Cancel
          </ButtonLink>
        ) : null}
      </div>
    </form>
  )
}
