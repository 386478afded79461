'use client'

import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/form-field'
import { ReadOnlyFields } from '@/components/ui/read-only-fields'
import { Spinner } from '@/components/ui/spinner'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { BillingActionData } from '@/lib/billing/schemas'
import { BillingForm } from './billing-form'

/**
 * Monthly budget (empty for none), alert thresholds and credit limit, prefilled with the current
 * values. Members who cannot change billing see the values as text, not a disabled form.
 */
export function BudgetForm({
  teamSlug,
  currency,
  values,
  canEdit,
  action,
}: {
  teamSlug: string
  currency: string
  values: { monthlyBudget: string; alertThresholds: string; creditLimit: string }
  canEdit: boolean
  action: FormAction<BillingActionData>
}) {
  if (!canEdit)
    return (
      <ReadOnlyFields
        fields={[
          {
            label: 'Monthly budget',
            value: values.monthlyBudget ? `${values.monthlyBudget} ${currency}` : 'No budget',
          },
          {
            label: 'Alert thresholds',
            value: values.alertThresholds
              ? values.alertThresholds
                  .split(',')
                  .map((t) => `${t.trim()}%`)
                  .join(', ')
              : '',
          },
          { label: 'Credit limit', value: `${values.creditLimit} ${currency}` },
        ]}
        note="Only owners and admins can change the budget, top up or replace the card."
      />
    )
  return (
    <BillingForm teamSlug={teamSlug} action={action} label="Budget and limits" resetOnSuccess={false}>
      {(state, pending) => (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label={`Monthly budget (${currency})`}
              name="monthlyBudget"
              errors={fieldErrorsFor(state, 'monthlyBudget')}
              hint="Empty for no budget. Calls past it answer 402."
            >
              <Input
                name="monthlyBudget"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={values.monthlyBudget}
                placeholder="No budget"
                invalid={!!fieldErrorsFor(state, 'monthlyBudget')}
              />
            </Field>
            <Field
              label="Alert thresholds (%)"
              name="alertThresholds"
              errors={fieldErrorsFor(state, 'alertThresholds')}
              hint="Percentages of the budget, e.g. 80,100."
            >
              <Input
                name="alertThresholds"
                autoComplete="off"
                defaultValue={values.alertThresholds}
                placeholder="80,100"
                invalid={!!fieldErrorsFor(state, 'alertThresholds')}
              />
            </Field>
            <Field
              label={`Credit limit (${currency})`}
              name="creditLimit"
              errors={fieldErrorsFor(state, 'creditLimit')}
              hint="How far below zero the balance may go while the card is valid."
            >
              <Input
                name="creditLimit"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={values.creditLimit}
                invalid={!!fieldErrorsFor(state, 'creditLimit')}
              />
            </Field>
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? <Spinner label="Saving" /> : 'Save budget and limits'}
          </Button>
        </>
      )}
    </BillingForm>
  )
}
