import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { createId } from '@/lib/ids'
import { getPaymentProvider } from './get-payment-provider'
import type { AttachedPaymentMethod, PaymentProvider } from './payment-provider'
import { CAUSES_FIXED_BY, resolveFixedIncidents } from '@/lib/incidents/resolve-fixed-incidents'
import { parseBillingInput, updatePaymentMethodSchema, type UpdatePaymentMethodInput } from './schemas'

export type UpdatePaymentMethodResult = AttachedPaymentMethod & { resolvedIncidents: number }

/**
 * Attaches a new payment method through the provider and records its status and label. A card
 * the provider refuses is still recorded (FAILED/EXPIRED, so the page shows what needs fixing)
 * and then reported as a 402 with a field error; a VALID one resolves the incidents it caused.
 */
export async function updatePaymentMethod(
  { teamId, actor }: TeamScope,
  input: UpdatePaymentMethodInput | Record<string, unknown>,
  provider: PaymentProvider = getPaymentProvider(),
): Promise<UpdatePaymentMethodResult> {
  const { cardNumber } = parseBillingInput(updatePaymentMethodSchema, input)
  const isToken = /^(tok|pm)_/.test(cardNumber)
  const method = await provider.attachPaymentMethod({ teamId, ...(isToken ? { token: cardNumber } : { cardNumber }) })

  const resolvedIncidents = await db.$transaction(async (tx) => {
    const data = { paymentMethodStatus: method.status, paymentMethodLabel: method.label }
    await tx.billingAccount.upsert({
      where: { teamId },
      create: { id: createId('bill'), teamId, ...data },
      update: data,
    })
    const count =
      method.status === 'VALID'
        ? await resolveFixedIncidents(
            {
              consumerTeamId: teamId,
              causes: CAUSES_FIXED_BY.payment_method_fixed,
              resolution: `Resolved automatically: payment method updated (${method.label})`,
              resolvedById: actor.userId,
            },
            tx,
          )
        : 0
    // The gateway re-reads the account at once: credit counts again (or stops counting).
    await publishConfigChange(tx)
    return count
  })

  if (method.status !== 'VALID') {
    const expired = method.status === 'EXPIRED'
    const message = expired ? 'This card has expired' : 'This card was declined'
    throw new AppError({
      code: expired ? 'card_expired' : 'card_declined',
      status: 402,
      message: `${message}. Try another card.`,
      fieldErrors: { cardNumber: [message] },
    })
  }
  return { ...method, resolvedIncidents }
}
