import Link from 'next/link'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { PaidSubscriptionUsage } from '@/lib/billing/list-paid-subscription-usage'
import { monthRange } from '@/lib/billing/month'
import { callLogHref } from '@/lib/calls/call-log-href'
import { formatPlanPrice } from '@/lib/plans/format-plan-price'

const count = (n: number) => n.toLocaleString('en-US')

/** The consumer's paid subscriptions and this month's free quota; "used" opens the month's calls. */
export function SubscriptionUsageTable({
  teamSlug,
  month,
  rows,
}: {
  teamSlug: string
  month: string
  rows: PaidSubscriptionUsage[]
}) {
  const from = monthRange(month).start
  return (
    <Table>
      <thead>
        <tr>
          <Th>API</Th>
          <Th>Plan</Th>
          <Th>Price</Th>
          <Th className="text-right">Free calls / month</Th>
          <Th className="text-right">Used in {month}</Th>
          <Th className="text-right">Free calls left</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-subscription={row.id}>
            <Td>
              <span className="font-medium text-slate-900">{row.apiName}</span>{' '}
              <span className="text-xs text-slate-500">{row.apiLabel}</span>
            </Td>
            <Td>{row.planName}</Td>
            <Td className="whitespace-normal text-xs">{formatPlanPrice({ ...row, paid: true })}</Td>
            <Td className="text-right tabular-nums">{count(row.freeCallsPerMonth)}</Td>
            <Td className="text-right tabular-nums">
              <Link
                className="text-brand-700 hover:underline"
                href={callLogHref(teamSlug, { view: 'consumer', api: row.apiId, from })}
              >
                {count(row.usedThisMonth)}
              </Link>
            </Td>
            <Td
              className={
                row.freeLeft === 0 ? 'text-right font-medium tabular-nums text-amber-700' : 'text-right tabular-nums'
              }
            >
              {row.freeLeft === 0 && row.freeCallsPerMonth > 0 ? 'Used up, calls are charged' : count(row.freeLeft)}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
