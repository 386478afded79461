'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { useSubmit } from '@/components/apis/use-submit'
import { Button, ButtonLink } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import type { PriceList } from '@/lib/ai/console/price-list'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'

type Saved = { id: string; name: string }

/** An existing model as the edit form shows it: prices as decimal strings, never floats. */
export type ModelFormValues = {
  id: string
  providerId: string
  name: string
  providerModel: string
  kind: 'CHAT' | 'EMBEDDING'
  inputPrice: string
  outputPrice: string
  cachedInputPrice: string
  contextWindow: string
  maxOutputTokens: string
}

type FieldName = Exclude<keyof ModelFormValues, 'id'>

const EMPTY: Omit<ModelFormValues, 'id' | 'providerId'> = {
  name: '',
  providerModel: '',
  kind: 'CHAT',
  inputPrice: '',
  outputPrice: '',
  cachedInputPrice: '',
  contextWindow: '',
  maxOutputTokens: '',
}

/** Adds a model (optionally filled from the shipped price list, then editable), or edits `model`. */
export function ModelForm({
  teamSlug,
  action,
  providers,
  priceList,
  currency,
  model,
  cancelHref,
}: {
  teamSlug: string
  action: FormAction<Saved>
  providers: { id: string; name: string }[]
  priceList: PriceList
  currency: string
  model?: ModelFormValues
  cancelHref?: string
}) {
  const router = useRouter()
  const [values, setValues] = useState<Omit<ModelFormValues, 'id'>>(
    model ?? { ...EMPTY, providerId: providers[0]?.id ?? '' },
  )
  const [state, formAction, pending] = useActionState(async (previous: ActionState<Saved>, formData: FormData) => {
    const result = await action(previous, formData)
    if (result?.ok && model && cancelHref) router.replace(cancelHref, { scroll: false })
    if (result?.ok && !model) setValues((v) => ({ ...EMPTY, providerId: v.providerId }))
    return result
  }, null)
  const submit = useSubmit(formAction)
  const p = model ? 'edit-model' : 'model'
  const errors = (name: string) => fieldErrorsFor(state, name)
  const set = (name: FieldName) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }))

  function fillFrom(index: string) {
    const entry = priceList.models[Number(index)]
    if (!entry) return
    setValues((v) => ({
      ...v,
      name: v.name || entry.model,
      providerModel: entry.model,
      kind: 'CHAT',
      inputPrice: entry.input,
      outputPrice: entry.output,
      cachedInputPrice: entry.cachedInput ?? '',
      contextWindow: String(entry.contextWindow),
      maxOutputTokens: String(entry.maxOutputTokens),
    }))
  }

  const text = (name: FieldName, label: string, hint?: string, inputMode?: 'decimal' | 'numeric') => (
    <Field label={label} name={`${p}-${name}`} errors={errors(name)} hint={hint}>
      <Input
        id={`${p}-${name}`}
        name={name}
        value={values[name]}
        onChange={set(name)}
        inputMode={inputMode}
        autoComplete="off"
        invalid={!!errors(name)}
      />
    </Field>
  )

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={model ? `Edit model ${model.name}` : 'New model'}>
      <input type="hidden" name="team" value={teamSlug} />
      {model ? <input type="hidden" name="modelId" value={model.id} /> : null}
      <FormMessage result={state} />
      <Field
        label="Fill from price list"
        name={`${p}-price-list`}
        hint={`Public list prices as of ${priceList.asOf} (${priceList.currency} ${priceList.unit}); edit anything after filling.`}
      >
        <Select id={`${p}-price-list`} defaultValue="" onChange={(e) => fillFrom(e.target.value)}>
          <option value="">Choose a model…</option>
          {priceList.models.map((entry, index) => (
            <option key={`${entry.provider}/${entry.model}`} value={index}>
              {entry.provider}: {entry.model} ({entry.input} / {entry.output})
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Provider" name={`${p}-providerId`} errors={errors('providerId')}>
          <Select
            id={`${p}-providerId`}
            name="providerId"
            value={values.providerId}
            onChange={set('providerId')}
            invalid={!!errors('providerId')}
          >
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </Select>
        </Field>
        {text('name', 'Model name', 'What consumers send as `model`')}
        {text('providerModel', 'Provider model name', 'What the provider calls it')}
        <Field
          label="Kind"
          name={`${p}-kind`}
          errors={errors('kind')}
          hint={values.kind === 'EMBEDDING' ? 'Serves POST /embeddings, billed per input token' : undefined}
        >
          <Select id={`${p}-kind`} name="kind" value={values.kind} onChange={set('kind')} invalid={!!errors('kind')}>
            <option value="CHAT">Chat</option>
            <option value="EMBEDDING">Embedding</option>
          </Select>
        </Field>
        {text('contextWindow', 'Context window (tokens)', undefined, 'numeric')}
        {text('maxOutputTokens', 'Max output (tokens)', undefined, 'numeric')}
        {text('inputPrice', `Input price per 1M (${currency})`, 'e.g. 0.15', 'decimal')}
        {text('outputPrice', `Output price per 1M (${currency})`, 'e.g. 0.60', 'decimal')}
        {text('cachedInputPrice', `Cached input per 1M (${currency})`, 'Optional', 'decimal')}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={pending || providers.length === 0}>
          {model ? (pending ? 'Saving…' : 'Save model') : pending ? 'Adding…' : 'Add model'}
        </Button>
        {model && cancelHref ? (
          <ButtonLink variant="ghost" href={cancelHref} scroll={false}>
            Cancel
          </ButtonLink>
        ) : null}
      </div>
    </form>
  )
}
