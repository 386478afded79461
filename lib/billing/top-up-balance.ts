import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { AppError, conflict } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { availableFunds } from './available-funds'
import { ensureBillingAccount } from './ensure-billing-account'
import { formatMicros } from './money'
import { getPaymentProvider } from './get-payment-provider'
import { DECLINE_MESSAGES, STATUS_AFTER_DECLINE, type PaymentProvider } from './payment-provider'
import { postLedgerEntry } from './post-ledger-entry'
import { CAUSES_FIXED_BY, resolveFixedIncidents } from '@/lib/incidents/resolve-fixed-incidents'
import { parseBillingInput, topUpSchema, type TopUpInput } from './schemas'

export type TopUpResult = {
  entryId: string
  amountMicros: bigint
  balanceMicros: bigint
  replayed: boolean
  resolvedIncidents: number
}

/**
 * Charges the team's payment method and credits the ledger with the same idempotency key, so a
 * double-submitted form (same key) charges and credits once. The key is namespaced by team: a key
 * from another team's form can never match, and no user input can collide with the gateway's keys.
 * A declined card records the method's new status, writes no ledger entry, and is a 402.
 */
export async function topUpBalance(
  { teamId, actor }: TeamScope,
  input: TopUpInput | Record<string, unknown>,
  provider: PaymentProvider = getPaymentProvider(),
): Promise<TopUpResult> {
  const { amount: amountMicros, idempotencyKey: formKey } = parseBillingInput(topUpSchema, input)
  const idempotencyKey = `topup:${teamId}:${formKey}`
  const account = await ensureBillingAccount({ teamId })

  // A retry after the entry was written: answer from the ledger without asking the provider again.
  const existing = await db.ledgerEntry.findUnique({ where: { idempotencyKey } })
  if (existing && existing.amountMicros !== amountMicros) throw reusedKey()

  let providerRef: string | undefined
  if (!existing) {
    const charge = await provider.charge({ teamId, amountMicros, currency: account.currency, idempotencyKey })
    if (!charge.ok) {
      const status = STATUS_AFTER_DECLINE[charge.reason]
      if (status && status !== account.paymentMethodStatus) {
        await db.billingAccount.update({ where: { teamId }, data: { paymentMethodStatus: status } })
        await publishConfigChange(db)
      }
      throw new AppError({ code: charge.reason, status: 402, message: DECLINE_MESSAGES[charge.reason] })
    }
    providerRef = charge.providerRef
  }

  const posted = await postLedgerEntry({
    teamId,
    kind: 'TOP_UP',
    amountMicros,
    idempotencyKey,
    description: providerRef ? `Top-up (ref ${providerRef})` : 'Top-up',
  }).catch((error: unknown) => {
    throw (error as AppError).code === 'idempotency_conflict' ? reusedKey() : error
  })

  // Resolved on a replay too: the first attempt may have died between the entry and this step.
  const after = await db.billingAccount.findUniqueOrThrow({ where: { teamId } })
  const resolvedIncidents =
    availableFunds(after) > 0n
      ? await resolveFixedIncidents({
          consumerTeamId: teamId,
          causes: CAUSES_FIXED_BY.top_up,
          resolution: `Resolved automatically: top-up of ${formatMicros(amountMicros, after.currency)}`,
          resolvedById: actor.userId,
        })
      : 0
  await publishConfigChange(db)
  return {
    entryId: posted.entry.id,
    amountMicros,
    balanceMicros: after.balanceMicros,
    replayed: posted.replayed,
    resolvedIncidents,
  }
}

const reusedKey = () =>
  conflict(
    'This top-up form was already used for a different amount. Reload the page and try again.',
    'idempotency_conflict',
  )
