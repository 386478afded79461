import type { PaymentMethodStatus } from '@/generated/sqlite/enums'

/**
 * What the team can still spend: the balance plus the credit limit, but credit only counts while
 * the payment method is VALID (credit is money the card will be charged for later).
 */
export function availableFunds(account: {
  balanceMicros: bigint
  creditLimitMicros: bigint
  paymentMethodStatus: PaymentMethodStatus
}): bigint {
  return account.balanceMicros + (account.paymentMethodStatus === 'VALID' ? account.creditLimitMicros : 0n)
}
