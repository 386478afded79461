import { formatCents, formatMicros } from '@/lib/billing/money'

/**
 * An amount in a summary: cents on the page, the exact micro-units on hover (and to screen
 * readers through the title), so a rounded figure can always be checked against the ledger.
 */
export function Money({ micros, currency = 'USD' }: { micros: bigint; currency?: string }) {
  const exact = formatMicros(micros, currency)
  return (
    <span title={exact} data-exact={exact} className="tabular-nums">
      {formatCents(micros, currency)}
    </span>
  )
}
