'use client'

import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/form-field'
import { Spinner } from '@/components/ui/spinner'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { BillingActionData } from '@/lib/billing/schemas'
import { BillingForm } from './billing-form'

/** Adds or replaces the card on file; the provider decides whether it is usable. */
export function PaymentMethodForm({
  teamSlug,
  hint,
  submitLabel,
  action,
}: {
  teamSlug: string
  hint: string
  submitLabel: string
  action: FormAction<BillingActionData>
}) {
  return (
    <BillingForm teamSlug={teamSlug} action={action} label="Payment method">
      {(state, pending) => (
        <>
          <Field label="Card number" name="cardNumber" errors={fieldErrorsFor(state, 'cardNumber')} hint={hint}>
            <Input
              name="cardNumber"
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder="4242 4242 4242 4242"
              required
              invalid={!!fieldErrorsFor(state, 'cardNumber')}
            />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? <Spinner label="Saving" /> : submitLabel}
          </Button>
        </>
      )}
    </BillingForm>
  )
}
