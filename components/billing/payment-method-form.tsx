'use client'

import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/form-field'
import { Spinner } from '@/components/ui/spinner'
import { BillingForm, errorsFor, type BillingFormAction } from './billing-form'

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
  action: BillingFormAction
}) {
  return (
    <BillingForm teamSlug={teamSlug} action={action} label="Payment method">
      {(state, pending) => (
        <>
          <Field label="Card number" name="cardNumber" errors={errorsFor(state, 'cardNumber')} hint={hint}>
            <Input
              name="cardNumber"
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder="4242 4242 4242 4242"
              required
              invalid={!!errorsFor(state, 'cardNumber')}
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
