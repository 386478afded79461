'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/form-field'
import { Spinner } from '@/components/ui/spinner'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import { formatMicros } from '@/lib/billing/money'
import { topUpSchema, type BillingActionData } from '@/lib/billing/schemas'
import { BillingForm } from './billing-form'

/**
 * Adds funds by charging the payment method, in two steps: the amount is checked (the same schema
 * as the server's, so below-minimum and above-maximum are field errors at once), then a
 * confirmation states the amount and the method before anything is charged. `idempotencyKey` is
 * minted by the server for each render of the page, so submitting twice tops up once.
 */
export function TopUpForm({
  teamSlug,
  idempotencyKey,
  currency,
  methodLabel,
  action,
}: {
  teamSlug: string
  idempotencyKey: string
  currency: string
  /** The card the charge goes to ("Visa •••• 4242"), or null with none on file. */
  methodLabel: string | null
  action: FormAction<BillingActionData>
}) {
  return (
    <BillingForm teamSlug={teamSlug} action={action} label="Top up">
      {(state, pending) => (
        <TopUpFields
          state={state}
          pending={pending}
          idempotencyKey={idempotencyKey}
          currency={currency}
          methodLabel={methodLabel}
        />
      )}
    </BillingForm>
  )
}

// Review and client errors remember the server answer they were made under: a new answer (a
// success, or the server's own field error) ends the review without an effect.
type Step = { state: ActionState<BillingActionData>; review?: string; error?: string }

function TopUpFields({
  state,
  pending,
  idempotencyKey,
  currency,
  methodLabel,
}: {
  state: ActionState<BillingActionData>
  pending: boolean
  idempotencyKey: string
  currency: string
  methodLabel: string | null
}) {
  const [step, setStep] = useState<Step>({ state: null })
  const current = step.state === state ? step : { state }
  const errors = current.error
    ? [current.error]
    : (fieldErrorsFor(state, 'amount') ?? fieldErrorsFor(state, 'idempotencyKey'))

  const review = (form: HTMLFormElement | null) => {
    const input = form?.elements.namedItem('amount')
    const parsed = topUpSchema.shape.amount.safeParse(input instanceof HTMLInputElement ? input.value : '')
    setStep(
      parsed.success
        ? { state, review: formatMicros(parsed.data, currency) }
        : { state, error: parsed.error.issues[0]?.message ?? 'Enter an amount' },
    )
  }

  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field
        label={`Amount (${currency})`}
        name="amount"
        errors={errors}
        hint="From 5 up to 100000 per top-up. You confirm the amount before anything is charged."
      >
        <Input
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="50.00"
          required
          readOnly={Boolean(current.review)}
          invalid={Boolean(errors?.length)}
          onKeyDown={(event) => {
            // Enter reviews, never charges straight away.
            if (event.key === 'Enter' && !current.review) {
              event.preventDefault()
              review(event.currentTarget.form)
            }
          }}
        />
      </Field>
      {current.review ? (
        <div className="space-y-3 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200" data-top-up-review>
          <p className="text-slate-800">
            Charge <strong className="tabular-nums">{current.review}</strong> to{' '}
            <strong>{methodLabel ?? 'the payment method on file (none yet: add a card first)'}</strong> and add it to
            the prepaid balance?
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner label="Charging" /> : `Confirm top-up of ${current.review}`}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setStep({ state })}>
              Change amount
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={(event) => review(event.currentTarget.form)}>Top up…</Button>
      )}
    </>
  )
}
