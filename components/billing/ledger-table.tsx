import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { LedgerRow } from '@/lib/billing/list-ledger-entries'
import { formatMicros } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'

const KIND_LABELS = { TOP_UP: 'Top-up', CHARGE: 'Charge', REFUND: 'Refund', ADJUSTMENT: 'Adjustment' } as const
const KIND_TONES = { TOP_UP: 'green', CHARGE: 'gray', REFUND: 'blue', ADJUSTMENT: 'violet' } as const
const DAY_MS = 86_400_000

const formatTime = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** Ledger entries, newest first. A charge's API opens the calls made that UTC day. */
export function LedgerTable({ teamSlug, rows }: { teamSlug: string; rows: LedgerRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Date</Th>
          <Th>Kind</Th>
          <Th>Description</Th>
          <Th>API</Th>
          <Th className="text-right">Amount</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => {
          const day = row.createdAt.getTime() - (row.createdAt.getTime() % DAY_MS)
          return (
            <tr key={row.id} data-ledger-entry={row.id}>
              <Td className="tabular-nums text-slate-500">{formatTime(row.createdAt)}</Td>
              <Td>
                <Badge tone={KIND_TONES[row.kind]}>{KIND_LABELS[row.kind]}</Badge>
              </Td>
              <Td className="max-w-md truncate whitespace-normal">{row.description || '—'}</Td>
              <Td>
                {row.apiId ? (
                  <Link
                    className="text-brand-700 hover:underline"
                    href={callLogHref(teamSlug, {
                      view: 'consumer',
                      api: row.apiId,
                      from: new Date(day),
                      to: new Date(day + DAY_MS),
                    })}
                  >
                    {row.apiLabel ?? 'Deleted API'}
                  </Link>
                ) : (
                  '—'
                )}
              </Td>
              <Td
                className={cn('text-right tabular-nums', row.amountMicros > 0n ? 'text-emerald-700' : 'text-slate-900')}
              >
                {row.amountMicros > 0n ? '+' : ''}
                {formatMicros(row.amountMicros, row.currency)}
              </Td>
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
