import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { Input } from '@/components/ui/form-field'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { MonthlyStatement } from '@/lib/billing/get-monthly-statement'
import { Money } from '@/components/ui/money'
import { callLogHref } from '@/lib/calls/call-log-href'

/**
 * A month's invoice: charges by API and plan with their total. The month picker is a GET form,
 * so a statement has a shareable URL; each API opens that month's calls to it.
 */
export function StatementTable({
  teamSlug,
  statement,
  keep,
}: {
  teamSlug: string
  statement: MonthlyStatement
  keep: Record<string, string | undefined>
}) {
  const money = (micros: bigint) => <Money micros={micros} currency={statement.currency} />
  const csvHref = `/t/${encodeURIComponent(teamSlug)}/billing/statement.csv?month=${statement.month}`
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <form method="get" action="#statement" className="flex items-end gap-2" aria-label="Pick a month">
          {Object.entries(keep).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <label className="space-y-1 text-sm">
            <span className="block font-medium text-slate-700">Month</span>
            <Input
              name="month"
              type="month"
              defaultValue={statement.month}
              aria-label="Statement month"
              className="w-44"
            />
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            Show
          </button>
        </form>
        <a href={csvHref} className={buttonClass('secondary', 'sm')} download>
          Download CSV
        </a>
      </div>
      {statement.lines.length === 0 ? (
        <p className="rounded-lg bg-white px-4 py-6 text-center text-sm text-slate-500 ring-1 ring-slate-200">
          No charges in {statement.month}.
        </p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>API</Th>
              <Th>Plan</Th>
              <Th className="text-right">Successful calls</Th>
              <Th className="text-right">Amount</Th>
            </tr>
          </thead>
          <TBody>
            {statement.lines.map((line) => {
              const calls = line.apiId
                ? callLogHref(teamSlug, { view: 'consumer', api: line.apiId, from: statement.from, to: statement.to })
                : null
              return (
                <tr key={`${line.apiId}:${line.planId}`} data-statement-line>
                  <Td>
                    {calls ? (
                      <Link href={calls} className="text-brand-700 hover:underline">
                        {line.apiLabel ?? 'Deleted API'}
                      </Link>
                    ) : (
                      'Other charges'
                    )}
                  </Td>
                  <Td>{line.planName ?? '—'}</Td>
                  <Td className="text-right tabular-nums">
                    {line.apiId && line.planId ? line.calls.toLocaleString('en-US') : '—'}
                  </Td>
                  <Td className="text-right tabular-nums">{money(line.amountMicros)}</Td>
                </tr>
              )
            })}
            <tr className="bg-slate-50 font-semibold" data-statement-total>
              <Td>Total</Td>
              <Td />
              <Td />
              <Td className="text-right tabular-nums text-slate-900">{money(statement.totalMicros)}</Td>
            </tr>
          </TBody>
        </Table>
      )}
      <p className="text-xs text-slate-500">
        Amounts come from the ledger; call counts are each plan&apos;s successful calls this month, calls within the
        free quota included. Top-ups in {statement.month}: {money(statement.topUpsMicros)}.
      </p>
    </div>
  )
}
