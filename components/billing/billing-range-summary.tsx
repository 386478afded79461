import { formatChange, formatCount } from '@/components/ui/format'
import { StatTiles, type StatTile } from '@/components/ui/stat-tiles'
import type { SpendSummary } from '@/lib/analytics/get-spend-summary'
import { formatCents, formatMicros } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'

type Compared = { current: SpendSummary; previous: SpendSummary }

/**
 * The chosen range's money beside the period of the same length just before, as the errors
 * dashboard compares its tiles; each tile opens the calls behind it.
 */
export function BillingRangeSummary({
  teamSlug,
  currency,
  window,
  spent,
  earned,
}: {
  teamSlug: string
  currency: string
  window: { from: Date; to: Date }
  spent: Compared
  /** Null for a team that owns no API. */
  earned: Compared | null
}) {
  const money = (micros: number) => formatCents(BigInt(Math.round(micros)), currency)
  // Summaries in cents; the exact micro-units on hover (the one rule for money).
  const exact = (micros: bigint) => <span title={formatMicros(micros, currency)}>{money(Number(micros))}</span>
  const href = (view: 'owner' | 'consumer') => callLogHref(teamSlug, { view, from: window.from, to: window.to })
  const tiles: StatTile[] = [
    {
      label: 'Spent in range',
      value: exact(spent.current.costMicros),
      detail: formatChange(Number(spent.current.costMicros), Number(spent.previous.costMicros), money),
      href: href('consumer'),
    },
    {
      label: 'Paid calls made',
      value: formatCount(spent.current.paidCalls),
      detail: formatChange(spent.current.paidCalls, spent.previous.paidCalls),
      href: href('consumer'),
    },
  ]
  if (earned)
    tiles.push({
      label: 'Earned in range',
      value: exact(earned.current.costMicros),
      detail: formatChange(Number(earned.current.costMicros), Number(earned.previous.costMicros), money),
      href: href('owner'),
    })
  return <StatTiles tiles={tiles} className={earned ? 'sm:grid-cols-3' : 'sm:grid-cols-2'} />
}
