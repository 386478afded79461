'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import type { AiDesign } from '@/lib/ai/console/ai-version-schemas'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import { useSubmit } from './use-submit'

type ModelChoice = { id: string; name: string; kind?: 'CHAT' | 'EMBEDDING'; provider: { name: string } }
type Exposed = AiDesign['models'][number]

/**
 * An AI_CHAT version's design: the models it exposes, the default, and per model an ordered
 * fallback list of team models (or weights). Posted as one JSON field; the contract is generated
 * on the server. Published versions and members who may not edit see AiDesignView instead.
 */
export function AiVersionForm({
  teamSlug,
  apiSlug,
  action,
  models,
  suggestedLabel,
  apiId,
  versionId,
  initial,
}: {
  teamSlug: string
  apiSlug: string
  action: FormAction<SavedVersion>
  models: ModelChoice[]
  suggestedLabel?: string
  apiId?: string
  versionId?: string
  initial?: AiDesign
}) {
  const router = useRouter()
  const firstModel = models[0]?.id ?? ''
  const [exposed, setExposed] = useState<Exposed[]>(
    initial?.models ?? [{ name: '', strategy: 'FALLBACK', targets: [{ modelId: firstModel, weight: 1 }] }],
  )
  const [defaultIndex, setDefaultIndex] = useState(() =>
    Math.max(0, initial ? initial.models.findIndex((m) => m.name === initial.defaultModel) : 0),
  )
  const [state, formAction, pending] = useActionState(
    async (previous: ActionState<SavedVersion>, formData: FormData) => {
      const result = await action(previous, formData)
      if (result?.ok && result.data.created)
        router.push(`/t/${teamSlug}/apis/${apiSlug}/versions/${result.data.versionId}`)
      return result
    },
    null,
  )
  const submit = useSubmit(formAction)
  const designErrors =
    state && !state.ok
      ? Object.entries(state.fieldErrors ?? {})
          .filter(([key]) => key === 'design' || key.startsWith('design.'))
          .flatMap(([key, messages]) => messages.map((m) => describe(key, m, exposed)))
      : []

  const update = (index: number, change: (model: Exposed) => Exposed) =>
    setExposed((list) => list.map((m, i) => (i === index ? change(m) : m)))
  const move = <T,>(list: T[], from: number, to: number) => {
    if (to < 0 || to >= list.length) return list
    const next = [...list]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item)
    return next
  }
  const design = JSON.stringify({ models: exposed, defaultModel: exposed[defaultIndex]?.name })

  if (models.length === 0)
    return (
      <p className="text-sm text-slate-600">
        Add a chat model on the AI page first; a version routes to your team&apos;s models.
      </p>
    )

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="AI version design">
      <input type="hidden" name="team" value={teamSlug} />
      {apiId ? <input type="hidden" name="apiId" value={apiId} /> : null}
      {versionId ? <input type="hidden" name="versionId" value={versionId} /> : null}
      <input type="hidden" name="design" value={design} />
      <input type="hidden" name="defaultModel" value={exposed[defaultIndex]?.name ?? ''} />
      <FormMessage result={state} />
      {suggestedLabel !== undefined ? (
        <div className="max-w-xs">
          <Field label="Version label" name="ai-version" errors={fieldErrorsFor(state, 'version')}>
            <Input
              id="ai-version"
              name="version"
              required
              defaultValue={suggestedLabel}
              invalid={!!fieldErrorsFor(state, 'version')}
            />
          </Field>
        </div>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Exposed models</legend>
        {exposed.map((model, index) => (
          <div
            key={index}
            className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
            data-exposed-model={index}
          >
            <div className="flex flex-wrap items-end gap-3">
              <div className="w-56">
                <Field label="Exposed name" name={`exposed-${index}-name`}>
                  <Input
                    id={`exposed-${index}-name`}
                    value={model.name}
                    placeholder="gpt-4o-mini"
                    onChange={(e) => update(index, (m) => ({ ...m, name: e.target.value }))}
                  />
                </Field>
              </div>
              <div className="w-44">
                <Field label="Route" name={`exposed-${index}-strategy`}>
                  <Select
                    id={`exposed-${index}-strategy`}
                    value={model.strategy}
                    onChange={(e) => update(index, (m) => ({ ...m, strategy: e.target.value as Exposed['strategy'] }))}
                  >
                    <option value="FALLBACK">Fallback in order</option>
                    <option value="WEIGHTED">Split by weight</option>
                  </Select>
                </Field>
              </div>
              <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
                <input
                  type="radio"
                  name="default-choice"
                  checked={defaultIndex === index}
                  onChange={() => setDefaultIndex(index)}
                />
                Default
              </label>
              {exposed.length > 1 ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setExposed((list) => list.filter((_, i) => i !== index))
                    setDefaultIndex((d) => (d >= index && d > 0 ? d - 1 : d))
                  }}
                >
                  Remove model
                </Button>
              ) : null}
            </div>
            <ol className="space-y-2">
              {model.targets.map((target, t) => (
                <li key={t} className="flex flex-wrap items-center gap-2">
                  <span className="w-5 text-right text-xs text-slate-500">{t + 1}.</span>
                  <div className="w-72">
                    <Select
                      aria-label={`Route ${index + 1} target ${t + 1}`}
                      value={target.modelId}
                      onChange={(e) =>
                        update(index, (m) => ({
                          ...m,
                          targets: m.targets.map((x, i) => (i === t ? { ...x, modelId: e.target.value } : x)),
                        }))
                      }
                    >
                      {models.map((choice) => (
                        <option key={choice.id} value={choice.id}>
                          {`${choice.name} (${choice.provider.name}${choice.kind === 'EMBEDDING' ? ', embedding' : ''})`}
                        </option>
                      ))}
                    </Select>
                  </div>
                  {model.strategy === 'WEIGHTED' ? (
                    <div className="w-24">
                      <Input
                        aria-label={`Weight of target ${t + 1}`}
                        inputMode="numeric"
                        value={String(target.weight)}
                        onChange={(e) =>
                          update(index, (m) => ({
                            ...m,
                            targets: m.targets.map((x, i) =>
                              i === t ? { ...x, weight: Number(e.target.value) || 0 } : x,
                            ),
                          }))
                        }
                      />
                    </div>
                  ) : null}
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label="Move up"
                    onClick={() => update(index, (m) => ({ ...m, targets: move(m.targets, t, t - 1) }))}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label="Move down"
                    onClick={() => update(index, (m) => ({ ...m, targets: move(m.targets, t, t + 1) }))}
                  >
                    ↓
                  </Button>
                  {model.targets.length > 1 ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => update(index, (m) => ({ ...m, targets: m.targets.filter((_, i) => i !== t) }))}
                    >
                      Remove
                    </Button>
                  ) : null}
                </li>
              ))}
            </ol>
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                update(index, (m) => ({ ...m, targets: [...m.targets, { modelId: firstModel, weight: 1 }] }))
              }
            >
              {model.strategy === 'WEIGHTED' ? 'Add a model to the split' : 'Add a fallback'}
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            setExposed((list) => [
              ...list,
              { name: '', strategy: 'FALLBACK', targets: [{ modelId: firstModel, weight: 1 }] },
            ])
          }
        >
          Expose another model
        </Button>
      </fieldset>
      {[...designErrors, ...(fieldErrorsFor(state, 'defaultModel') ?? [])].map((message) => (
        <p key={message} className="text-xs text-red-600" data-field-error="design">
          {message}
        </p>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : versionId ? 'Save design' : 'Create version'}
      </Button>
    </form>
  )
}

/** "design.models.1.name: Enter a model name" → "Model 2: Enter a model name". */
function describe(key: string, message: string, exposed: Exposed[]): string {
  const match = /^design\.models\.(\d+)/.exec(key)
  if (!match) return message
  const model = exposed[Number(match[1])]
  return `${model?.name || `Model ${Number(match[1]) + 1}`}: ${message}`
}
