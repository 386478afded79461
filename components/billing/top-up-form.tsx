'use client'

import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/form-field'
import { Spinner } from '@/components/ui/spinner'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { BillingActionData } from '@/lib/billing/schemas'
import { BillingForm } from './billing-form'

/**
 * Adds funds by charging the payment method. `idempotencyKey` is minted by the server for each
 * render of the page, so submitting twice (double click, retry after a timeout) tops up once.
 */
export function TopUpForm({
  teamSlug,
  idempotencyKey,
  currency,
  action,
}: {
  teamSlug: string
  idempotencyKey: string
  currency: string
  action: FormAction<BillingActionData>
}) {
  return (
    <BillingForm teamSlug={teamSlug} action={action} label="Top up">
      {(state, pending) => (
        <>
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <Field
            label={`Amount (${currency})`}
            name="amount"
            errors={fieldErrorsFor(state, 'amount') ?? fieldErrorsFor(state, 'idempotencyKey')}
            hint="Up to 100000 per top-up, charged to the payment method on file."
          >
            <Input
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder="50.00"
              required
              invalid={!!fieldErrorsFor(state, 'amount')}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? <Spinner label="Charging" /> : 'Top up'}
          </Button>
        </>
      )}
    </BillingForm>
  )
}
