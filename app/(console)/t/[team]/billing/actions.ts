'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'
import { formatMicros } from '@/lib/billing/money'
import type { BillingActionData } from '@/lib/billing/schemas'
import { topUpBalance } from '@/lib/billing/top-up-balance'
import { updateBillingSettings } from '@/lib/billing/update-billing-settings'
import { updatePaymentMethod } from '@/lib/billing/update-payment-method'

// The team id comes from teamAction's membership check, never from the form. The lib functions
// validate their own input (amounts become bigint micro-units there), so teamAction only checks
// the shape here and field errors come back from the lib as a 422.

const anyForm = z.record(z.string(), z.unknown())

const doTopUp = teamAction(
  'billing.write',
  anyForm,
  async (input, context): Promise<BillingActionData> => {
    const result = await topUpBalance(scopeOf(context), input)
    const resolved = result.resolvedIncidents ? ` ${result.resolvedIncidents} payment incident(s) resolved.` : ''
    return {
      message: `Added ${formatMicros(result.amountMicros)}. New balance: ${formatMicros(result.balanceMicros)}.${resolved}`,
    }
  },
  // Not in one transaction: the provider's charge and a decline's card status must outlive a failure.
  { audit: 'billing.top_up' },
)

const doUpdatePaymentMethod = teamAction(
  'billing.write',
  anyForm,
  async (input, context): Promise<BillingActionData> => {
    const method = await updatePaymentMethod(scopeOf(context), input)
    const resolved = method.resolvedIncidents ? ` ${method.resolvedIncidents} payment incident(s) resolved.` : ''
    return { message: `Payment method saved: ${method.label}.${resolved}` }
  },
  // Not in one transaction: a refused card is recorded, then reported as a 402.
  { audit: 'billing.payment_method.update' },
)

const doUpdateSettings = teamAction(
  'billing.write',
  anyForm,
  async (input, context, tx): Promise<BillingActionData> => {
    const settings = await updateBillingSettings(scopeOf(context), input, new Date(), tx)
    const resolved = settings.resolvedIncidents ? ` ${settings.resolvedIncidents} budget incident(s) resolved.` : ''
    return { message: `Budget and limits saved.${resolved}` }
  },
  { audit: 'billing.settings.update', transaction: true },
)

function run(formData: FormData, action: TeamActionRunner<BillingActionData>): Promise<ActionState<BillingActionData>> {
  // Also after a decline: the card's new status (FAILED/EXPIRED) must show on the page.
  return runTeamForm(formData, action, (slug) => revalidatePath(`/t/${slug}/billing`), { refreshOnFailure: true })
}

export async function topUpAction(
  _previous: ActionState<BillingActionData>,
  formData: FormData,
): Promise<ActionState<BillingActionData>> {
  return run(formData, doTopUp)
}
export async function updatePaymentMethodAction(
  _previous: ActionState<BillingActionData>,
  formData: FormData,
): Promise<ActionState<BillingActionData>> {
  return run(formData, doUpdatePaymentMethod)
}
export async function updateBillingSettingsAction(
  _previous: ActionState<BillingActionData>,
  formData: FormData,
): Promise<ActionState<BillingActionData>> {
  return run(formData, doUpdateSettings)
}
