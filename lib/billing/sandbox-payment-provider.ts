import { createHash } from 'node:crypto'
import type { PaymentMethodStatus } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { conflict, invalid } from '@/lib/errors/app-error'
import type { AttachedPaymentMethod, ChargeInput, ChargeResult, PaymentProvider } from './payment-provider'

// A provider that moves no money, for demos, tests and self-hosters without a processor. It
// behaves like Stripe's test mode: the same test card numbers and tokens give the same outcomes.
// The team's card on file is the billing account row itself (status + label), so every console
// and gateway process sees the same card without any state of its own.

type TestCard = { status: Exclude<PaymentMethodStatus, 'NONE'>; label: string }

/** Stripe's documented test cards (https://docs.stripe.com/testing). */
const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { status: 'VALID', label: 'Visa •••• 4242' },
  '4000000000000002': { status: 'FAILED', label: 'Visa •••• 0002' },
  '4000000000000069': { status: 'EXPIRED', label: 'Visa •••• 0069' },
}

/** Stripe's test tokens and PaymentMethod ids for the same three cards. */
const TEST_TOKENS: Record<string, string> = {
  tok_visa: '4242424242424242',
  pm_card_visa: '4242424242424242',
  tok_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclined: '4000000000000002',
  tok_chargeDeclinedExpiredCard: '4000000000000069',
  pm_card_chargeDeclinedExpiredCard: '4000000000000069',
}

export const SANDBOX_CARD_HINT =
  'Sandbox test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 0069 is expired.'

export function createSandboxPaymentProvider(): PaymentProvider {
  // Successful charges seen by this process, by idempotency key. The reference is derived from the
  // key, so a retry in another process gets the same one; this map only catches a key reused with
  // a different amount or team, which Stripe also refuses.
  const charges = new Map<string, { teamId: string; amountMicros: bigint; result: ChargeResult }>()

  return {
    name: 'sandbox',

    async attachPaymentMethod({ cardNumber, token }): Promise<AttachedPaymentMethod> {
      const raw = (token ?? cardNumber ?? '').trim()
      const number = TEST_TOKENS[raw] ?? raw.replace(/[\s-]/g, '')
      const card = TEST_CARDS[number]
      if (card) return { ...card }
      const message = /^\d{12,19}$/.test(number) ? 'The sandbox only accepts its test cards' : 'Enter a card number'
      throw invalid(
        'Please correct the highlighted fields',
        { cardNumber: [message, SANDBOX_CARD_HINT] },
        'invalid_card',
      )
    },

    async charge({ teamId, amountMicros, idempotencyKey }: ChargeInput): Promise<ChargeResult> {
      if (amountMicros <= 0n) throw invalid('A charge must be positive', undefined, 'invalid_amount')
      const previous = charges.get(idempotencyKey)
      if (previous) {
        if (previous.teamId !== teamId || previous.amountMicros !== amountMicros) {
          throw conflict('This idempotency key was already used for a different charge', 'idempotency_conflict')
        }
        return previous.result
      }
      const account = await db.billingAccount.findUnique({ where: { teamId }, select: { paymentMethodStatus: true } })
      const result = outcome(account?.paymentMethodStatus ?? 'NONE', idempotencyKey)
      // Only successes are remembered: after fixing the card, the same key may try again.
      if (result.ok) charges.set(idempotencyKey, { teamId, amountMicros, result })
      return result
    },
  }
}

function outcome(status: PaymentMethodStatus, idempotencyKey: string): ChargeResult {
  switch (status) {
    case 'VALID':
      return {
        ok: true,
        providerRef: `sandbox_ch_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`,
      }
    case 'FAILED':
      return { ok: false, reason: 'card_declined' }
    case 'EXPIRED':
      return { ok: false, reason: 'card_expired' }
    default:
      return { ok: false, reason: 'no_payment_method' }
  }
}
