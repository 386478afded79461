import Link from 'next/link'
import { StateBadge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import type { BillingOverview } from '@/lib/billing/get-billing-overview'
import { Money } from '@/components/ui/money'
import { monthRange } from '@/lib/billing/month'
import { callLogHref } from '@/lib/calls/call-log-href'

function Tile({
  label,
  href,
  value,
  children,
}: {
  label: string
  href?: string
  value: React.ReactNode
  children?: React.ReactNode
}) {
  const body = (
    <>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {children}
    </>
  )
  const className = 'block rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200'
  return href ? (
    <Link href={href} className={cn(className, 'hover:ring-brand-500')} data-summary={label}>
      {body}
    </Link>
  ) : (
    <div className={className} data-summary={label}>
      {body}
    </div>
  )
}

/** The account at a glance. Money figures open the ledger; the month's spend opens its calls. */
export function BillingSummary({
  teamSlug,
  overview,
  canFix,
}: {
  teamSlug: string
  overview: BillingOverview
  canFix: boolean
}) {
  const money = (micros: bigint) => <Money micros={micros} currency={overview.currency} />
  const creditUsable = overview.paymentMethodStatus === 'VALID'
  const lowestThreshold = Math.min(
    ...overview.alertThresholds
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    100,
  )
  const percent = overview.budgetUsedPercent
  const spendHref = callLogHref(teamSlug, { view: 'consumer', from: monthRange(overview.month).start })
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
      <Tile label="Balance" href="#ledger" value={money(overview.balanceMicros)}>
        <dd className="text-xs text-slate-500">Sum of the ledger</dd>
      </Tile>
      <Tile label="Credit limit" href="#budget" value={money(overview.creditLimitMicros)}>
        <dd className="text-xs text-slate-500">
          {creditUsable ? 'Usable while the card is valid' : 'Not usable until the card is valid'}
        </dd>
      </Tile>
      <Tile label="Available" href="#ledger" value={money(overview.availableMicros)}>
        <dd className="text-xs text-slate-500">Balance{creditUsable ? ' + credit' : ' only'}</dd>
      </Tile>
      <Tile label={`Spend in ${overview.month}`} href={spendHref} value={money(overview.spendMicros)}>
        {overview.monthlyBudgetMicros === null || percent === null ? (
          <dd className="text-xs text-slate-500">No monthly budget</dd>
        ) : (
          <dd className="mt-1 space-y-1">
            <div
              className="h-2 overflow-hidden rounded-full bg-slate-100"
              role="progressbar"
              aria-label="Budget used"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.min(100, Math.round(percent))}
            >
              <div
                className={cn(
                  'h-full rounded-full',
                  percent >= 100 ? 'bg-red-500' : percent >= lowestThreshold ? 'bg-amber-500' : 'bg-brand-600',
                )}
                style={{ width: `${Math.min(100, percent)}%` }}
              />
            </div>
            <p className="text-xs text-slate-500">
              {percent.toFixed(1)}% of the {money(overview.monthlyBudgetMicros)} budget
            </p>
          </dd>
        )}
      </Tile>
      <div className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200" data-summary="Payment method">
        <dt className="text-xs font-medium text-slate-500">Payment method</dt>
        <dd className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-800">
          <StateBadge state={overview.paymentMethodStatus} />
          <span>{overview.paymentMethodLabel ?? 'No card on file'}</span>
        </dd>
        {overview.paymentMethodStatus !== 'VALID' ? (
          <dd className="mt-2 text-xs text-slate-500">
            {overview.paymentMethodStatus === 'NONE'
              ? 'Add a card to top up and use credit.'
              : 'Fix the card to top up and use credit again.'}
            {canFix ? (
              <a href="#payment-method" className="ml-1 font-medium text-brand-700 hover:underline">
                Fix it
              </a>
            ) : null}
          </dd>
        ) : null}
      </div>
    </dl>
  )
}
