import type { TeamView } from '@/lib/teams/team-view'

// What each 402 cause means and what to do about it, from either side of the call. Plain data,
// safe in client components (the charts colour and label causes with it).

export const PAYMENT_CAUSES = [
  'insufficient_balance',
  'budget_exceeded',
  'payment_method_failed',
  'quota_exhausted',
  'upstream_payment_required',
] as const
export type PaymentCauseCode = (typeof PAYMENT_CAUSES)[number]

export const CAUSE_LABELS: Record<PaymentCauseCode, string> = {
  insufficient_balance: 'Insufficient balance',
  budget_exceeded: 'Monthly budget exceeded',
  payment_method_failed: 'Payment method failed',
  quota_exhausted: 'Free quota used up',
  upstream_payment_required: 'Upstream required payment',
}

export const CAUSE_COLORS: Record<PaymentCauseCode, string> = {
  insufficient_balance: '#ef4444',
  budget_exceeded: '#f59e0b',
  payment_method_failed: '#a855f7',
  quota_exhausted: '#3b82f6',
  upstream_payment_required: '#64748b',
}

export function causeLabel(cause: string): string {
  return CAUSE_LABELS[cause as PaymentCauseCode] ?? cause
}

export type NextStep = { text: string; links: Array<{ href: string; label: string }> }

type StepContext = {
  view: TeamView
  consumerSlug: string
  ownerSlug: string
  apiSlug: string
  ownerContactEmail?: string | null
}

/**
 * The way out of an incident. The consumer gets links into its own console; the API owner can
 * only tell the consumer what to do, except when its own upstream is the one asking for payment.
 */
export function nextStepFor(
  cause: string,
  { view, consumerSlug, ownerSlug, apiSlug, ownerContactEmail }: StepContext,
): NextStep {
  const billing = `/t/${consumerSlug}/billing`
  const catalog = `/catalog/${ownerSlug}/${apiSlug}`
  if (view === 'owner') {
    if (cause === 'upstream_payment_required') {
      return {
        text: 'Your upstream service answered 402 itself: settle the account with the upstream provider, then calls go through again.',
        links: [],
      }
    }
    const fix = CONSUMER_FIX[cause as PaymentCauseCode] ?? 'check its billing settings'
    return {
      text: `The consumer team (${consumerSlug}) has to ${fix}. Its calls succeed again as soon as it does.`,
      links: [],
    }
  }
  switch (cause) {
    case 'insufficient_balance':
      return {
        text: 'Your prepaid balance (plus credit limit) does not cover the calls. A top-up resolves this incident at once.',
        links: [{ href: billing, label: 'Top up' }],
      }
    case 'budget_exceeded':
      return {
        text: 'Your team reached its monthly budget. Raise the budget to resume now, or wait for the new month.',
        links: [{ href: billing, label: 'Raise budget' }],
      }
    case 'payment_method_failed':
      return {
        text: 'Your payment method was declined or has expired. Update it to resume paid calls.',
        links: [{ href: billing, label: 'Fix payment method' }],
      }
    case 'quota_exhausted':
      return {
        text: "The plan's free calls for this month are used up. Top up to pay per call, or move to a larger plan.",
        links: [
          { href: billing, label: 'Top up' },
          { href: catalog, label: 'Upgrade plan' },
        ],
      }
    case 'upstream_payment_required':
      return {
        text: "The API's own upstream asked for payment; nothing on your side can fix it. Contact the API owner.",
        links: [
          ownerContactEmail
            ? { href: `mailto:${ownerContactEmail}`, label: 'Contact the API owner' }
            : { href: catalog, label: 'Contact the API owner' },
        ],
      }
    default:
      return { text: 'Check your billing settings.', links: [{ href: billing, label: 'Billing' }] }
  }
}

const CONSUMER_FIX: Record<PaymentCauseCode, string> = {
  insufficient_balance: 'top up its balance',
  budget_exceeded: 'raise its monthly budget (or wait for the new month)',
  payment_method_failed: 'fix its payment method',
  quota_exhausted: 'top up or move to a larger plan',
  upstream_payment_required: 'wait for your upstream to be paid',
}
