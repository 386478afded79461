import type { PaymentCause } from '@/generated/sqlite/enums'
import { formatMicros, microsToDecimal } from '../billing/money'
import { AppError } from '../errors/app-error'
import type { AccountFacts } from './lease-store'

// Why a call cannot be paid for, and the RFC 9457 body that says so. A payment problem is always
// a 402, whatever the cause: never a 400, 403 or 429 (those mean other things to clients).

export type DenialContext = {
  facts: AccountFacts
  requiredMicros: bigint
  /** The balance to show: the account's, less the charges this instance has not written yet. */
  balanceMicros: bigint
  /**
   * What the consumer can spend now across every gateway instance: balance (and credit, when the
   * card works) less every live lease, within the month's budget. Below the balance while other
   * instances hold leases on the account (calls in flight, charges not written yet).
   */
  spendableMicros: bigint
  /** The plan gives free calls each month, and this month's are used up. */
  freeQuotaUsedUp: boolean
}

/** The first cause that explains the refusal, most specific first. */
export function denialCause({ facts, requiredMicros, freeQuotaUsedUp }: DenialContext): PaymentCause {
  const funds =
    facts.balanceMicros + (facts.paymentMethodStatus === 'VALID' ? facts.creditLimitMicros : 0n) - facts.leasedMicros
  // Money is there, so the budget is what stops the call.
  if (funds >= requiredMicros) return 'budget_exceeded'
  // A credit line exists but the card behind it does not work.
  if (
    facts.creditLimitMicros > 0n &&
    (facts.paymentMethodStatus === 'EXPIRED' || facts.paymentMethodStatus === 'FAILED')
  ) {
    return 'payment_method_failed'
  }
  // The free tier ran out and the team has never set up a way to pay.
  if (freeQuotaUsedUp && facts.paymentMethodStatus === 'NONE' && facts.balanceMicros <= 0n) return 'quota_exhausted'
  return 'insufficient_balance'
}

export type PaymentRequiredInput = DenialContext & {
  cause: PaymentCause
  currency: string
  consumerTeamSlug: string
  incidentId: string
  freeCallsPerMonth: number
}

export function paymentRequired(input: PaymentRequiredInput): AppError {
  const balance = input.balanceMicros
  return new AppError({
    code: input.cause,
    status: 402,
    message: detailFor(input, balance),
    extra: {
      balance: microsToDecimal(balance),
      spendable: microsToDecimal(input.spendableMicros),
      required: microsToDecimal(input.requiredMicros),
      currency: input.currency,
      topUpUrl: `/t/${input.consumerTeamSlug}/billing`,
      incidentId: input.incidentId,
    },
  })
}

function detailFor(input: PaymentRequiredInput, balance: bigint): string {
  const money = (micros: bigint) => formatMicros(micros, input.currency)
  const price = money(input.requiredMicros)
  switch (input.cause) {
    case 'budget_exceeded':
      return `This call (${price}) would take your team past its monthly budget of ${money(input.facts.monthlyBudgetMicros ?? 0n)}; ${money(input.facts.spendMicros)} is spent this month. Raise the budget to continue.`
    case 'payment_method_failed':
      return `Your team's payment method is ${input.facts.paymentMethodStatus.toLowerCase()}, so its credit line cannot pay for this call (${price}). Update the payment method to continue.`
    case 'quota_exhausted':
      return `Your team has used this month's ${input.freeCallsPerMonth.toLocaleString('en-US')} free calls, and further calls on this plan cost ${price} each. Top up or add a payment method to continue.`
    case 'upstream_payment_required':
      return 'The upstream service itself answered 402 Payment Required.'
    default: {
      const held =
        input.spendableMicros < balance
          ? ` Of it, ${money(input.spendableMicros)} can be spent now; the rest is held by calls in flight.`
          : ''
      return `Your team's balance (${money(balance)}) does not cover this call (${price}).${held} Top up to continue.`
    }
  }
}
