import type { PaymentMethodStatus } from '@/generated/sqlite/enums'

// The seam between Tollgate's ledger and whoever moves real money. The console only ever talks to
// a PaymentProvider (getPaymentProvider() picks it); docs/payment-providers.md describes how a
// Stripe implementation would fill it.

export type AttachPaymentMethodInput = {
  teamId: string
  /** A raw card number (sandbox only) … */
  cardNumber?: string
  /** … or a provider token collected by the provider's own form (e.g. a Stripe PaymentMethod id). */
  token?: string
}

export type AttachedPaymentMethod = {
  status: Exclude<PaymentMethodStatus, 'NONE'>
  /** What the console shows, e.g. "Visa •••• 4242". Never the full number. */
  label: string
}

export type ChargeInput = {
  teamId: string
  /** Positive micro-units of `currency`. */
  amountMicros: bigint
  currency: string
  /** The same key for a retried charge: the provider must charge at most once per key. */
  idempotencyKey: string
}

export type ChargeDeclineReason = 'card_declined' | 'card_expired' | 'no_payment_method'

export type ChargeResult = { ok: true; providerRef: string } | { ok: false; reason: ChargeDeclineReason }

export interface PaymentProvider {
  readonly name: string
  /**
   * Stores the team's payment method. An unusable card is not an error: it comes back as
   * FAILED or EXPIRED so the console can record it. Malformed input throws a 422 with field errors.
   */
  attachPaymentMethod(input: AttachPaymentMethodInput): Promise<AttachedPaymentMethod>
  /** Charges the team's stored method. A decline is a result, not an exception. */
  charge(input: ChargeInput): Promise<ChargeResult>
}

/** What a decline means for the stored method, so the console shows the card that needs fixing. */
export const STATUS_AFTER_DECLINE: Record<ChargeDeclineReason, PaymentMethodStatus | null> = {
  card_declined: 'FAILED',
  card_expired: 'EXPIRED',
  no_payment_method: null,
}

export const DECLINE_MESSAGES: Record<ChargeDeclineReason, string> = {
  card_declined: 'Your card was declined. Update the payment method and try again.',
  card_expired: 'Your card has expired. Update the payment method and try again.',
  no_payment_method: 'Add a payment method before topping up.',
}
