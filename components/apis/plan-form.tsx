'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useRef, useState } from 'react'
import { Button, ButtonLink } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import type { SavedPlan } from '@/lib/plans/create-plan'
import type { PlanFormValues } from '@/lib/plans/plan-form-values'
import { useSubmit } from './use-submit'

/** `action` creates the plan, or saves the edits to `plan` when one is given. */
type Props = { teamSlug: string; action: FormAction<SavedPlan> } & (
  | { apiId: string; plan?: undefined; cancelHref?: undefined }
  | { apiId?: undefined; plan: PlanFormValues; cancelHref: string }
)

/** Adds a plan, or edits one when `plan` is given. Prices only show for a paid plan. */
export function PlanForm({ teamSlug, action, apiId, plan, cancelHref }: Props) {
  const router = useRouter()
  const form = useRef<HTMLFormElement>(null)
  const [paid, setPaid] = useState(plan?.paid ?? false)
  const [state, formAction, pending] = useActionState(async (previous: ActionState<SavedPlan>, formData: FormData) => {
    const result = await action(previous, formData)
    if (result?.ok && plan) router.replace(cancelHref!, { scroll: false })
    if (result?.ok && !plan) {
      form.current?.reset()
      setPaid(false)
    }
    return result
  }, null)
  const submit = useSubmit(formAction)
  const p = plan ? 'edit-plan' : 'plan'
  const errors = (name: string) => fieldErrorsFor(state, name)
  return (
    <form ref={form} onSubmit={submit} className="space-y-3" aria-label={plan ? `Edit plan ${plan.name}` : 'New plan'}>
      <input type="hidden" name="team" value={teamSlug} />
      {plan ? (
        <input type="hidden" name="planId" value={plan.id} />
      ) : (
        <input type="hidden" name="apiId" value={apiId} />
      )}
      <FormMessage result={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Plan name" name={`${p}-name`} errors={errors('name')}>
          <Input
            id={`${p}-name`}
            name="name"
            required
            placeholder="Free"
            defaultValue={plan?.name}
            invalid={!!errors('name')}
          />
        </Field>
        <Field label="Description" name={`${p}-description`} errors={errors('description')}>
          <Input
            id={`${p}-description`}
            name="description"
            placeholder="For trying it out"
            defaultValue={plan?.description}
            invalid={!!errors('description')}
          />
        </Field>
        <Field
          label="Rate limit (requests)"
          name={`${p}-rateLimit`}
          errors={errors('rateLimit')}
          hint="Empty for no limit"
        >
          <div className="flex gap-2">
            <Input
              id={`${p}-rateLimit`}
              name="rateLimit"
              inputMode="numeric"
              autoComplete="off"
              placeholder="60"
              defaultValue={plan?.rateLimit ?? undefined}
              invalid={!!errors('rateLimit')}
            />
            <Select
              name="rateWindow"
              aria-label="Rate window"
              defaultValue={plan?.rateWindow ?? 'MINUTE'}
              className="w-36"
            >
              <option value="MINUTE">per minute</option>
              <option value="SECOND">per second</option>
            </Select>
          </div>
        </Field>
        <Field
          label="Tokens per minute"
          name={`${p}-tokensPerMinute`}
          errors={errors('tokensPerMinute')}
          hint="AI APIs: input + output tokens per subscription; empty for no limit"
        >
          <Input
            id={`${p}-tokensPerMinute`}
            name="tokensPerMinute"
            inputMode="numeric"
            autoComplete="off"
            placeholder="100000"
            defaultValue={plan?.tokensPerMinute ?? undefined}
            invalid={!!errors('tokensPerMinute')}
          />
        </Field>
        <Field label="Approval" name={`${p}-approval`} errors={errors('approval')}>
          <Select id={`${p}-approval`} name="approval" defaultValue={plan?.approval ?? 'AUTO'}>
            <option value="AUTO">Automatic: subscriptions start at once</option>
            <option value="MANUAL">Manual: the team approves each request</option>
          </Select>
        </Field>
      </div>
      <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        {/* An unticked checkbox posts nothing; the hidden "false" says so explicitly (the last value wins). */}
        <input type="hidden" name="paid" value="false" />
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input
            type="checkbox"
            name="paid"
            value="true"
            checked={paid}
            onChange={(e) => setPaid(e.target.checked)}
            className="rounded border-slate-300"
          />
          Paid plan: consumers pay per call or per token
        </label>
        {paid ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="Currency" name={`${p}-currency`} errors={errors('currency')} hint="3-letter code">
              <Input
                id={`${p}-currency`}
                name="currency"
                maxLength={3}
                defaultValue={plan?.currency ?? 'USD'}
                className="uppercase"
                invalid={!!errors('currency')}
              />
            </Field>
            <Field label="Price per call" name={`${p}-pricePerCall`} errors={errors('pricePerCall')} hint="e.g. 0.002">
              <Input
                id={`${p}-pricePerCall`}
                name="pricePerCall"
                inputMode="decimal"
                placeholder="0.002"
                defaultValue={plan?.pricePerCall}
                invalid={!!errors('pricePerCall')}
              />
            </Field>
            <Field label="Free calls per month" name={`${p}-freeCallsPerMonth`} errors={errors('freeCallsPerMonth')}>
              <Input
                id={`${p}-freeCallsPerMonth`}
                name="freeCallsPerMonth"
                inputMode="numeric"
                autoComplete="off"
                placeholder="1000"
                defaultValue={plan?.freeCallsPerMonth}
                invalid={!!errors('freeCallsPerMonth')}
              />
            </Field>
            <Field
              label="Price per 1M input tokens"
              name={`${p}-pricePerMInput`}
              errors={errors('pricePerMInput')}
              hint="AI APIs; 0 for none"
            >
              <Input
                id={`${p}-pricePerMInput`}
                name="pricePerMInput"
                inputMode="decimal"
                placeholder="0"
                defaultValue={plan?.pricePerMInput}
                invalid={!!errors('pricePerMInput')}
              />
            </Field>
            <Field
              label="Price per 1M output tokens"
              name={`${p}-pricePerMOutput`}
              errors={errors('pricePerMOutput')}
              hint="AI APIs; 0 for none"
            >
              <Input
                id={`${p}-pricePerMOutput`}
                name="pricePerMOutput"
                inputMode="decimal"
                placeholder="0"
                defaultValue={plan?.pricePerMOutput}
                invalid={!!errors('pricePerMOutput')}
              />
            </Field>
            <p className="text-xs text-slate-500 sm:col-span-3">
              A call costs the price per call plus its input and output tokens at the prices per 1M. AI APIs: when both
              token prices are 0, each call&apos;s tokens are charged at the serving model&apos;s own prices (set on the
              AI page).
            </p>
          </div>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {plan ? (pending ? 'Saving…' : 'Save plan') : pending ? 'Adding…' : 'Add plan'}
        </Button>
        {plan ? (
          <ButtonLink variant="ghost" href={cancelHref!} scroll={false}>
            Cancel
          </ButtonLink>
        ) : null}
      </div>
    </form>
  )
}
