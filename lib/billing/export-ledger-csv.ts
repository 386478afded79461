import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { csvRow } from './format-csv'
import { getApiLabels } from './get-api-labels'
import { microsToDecimal } from './money'
import { ledgerWhere } from './list-ledger-entries'

const BATCH = 500

/**
 * Every ledger entry of the team (or those matching the page's search), oldest first, as CSV
 * lines. Reads in keyset batches so memory stays flat however long the ledger is.
 */
export async function* exportLedgerCsv({ teamId }: TeamReadScope, { q }: { q?: string } = {}): AsyncGenerator<string> {
  yield csvRow(['date_utc', 'id', 'kind', 'amount', 'currency', 'description', 'api'])
  const where = ledgerWhere(teamId, q)
  let cursor: { id: string } | undefined
  for (;;) {
    const rows = await db.ledgerEntry.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: BATCH,
      ...(cursor ? { cursor, skip: 1 } : {}),
      select: {
        id: true,
        createdAt: true,
        kind: true,
        amountMicros: true,
        currency: true,
        description: true,
        apiId: true,
      },
    })
    const labels = await getApiLabels(rows.flatMap((r) => (r.apiId ? [r.apiId] : [])))
    for (const r of rows) {
      yield csvRow([
        r.createdAt.toISOString(),
        r.id,
        r.kind,
        microsToDecimal(r.amountMicros),
        r.currency,
        r.description,
        r.apiId ? (labels.get(r.apiId)?.label ?? r.apiId) : '',
      ])
    }
    if (rows.length < BATCH) return
    cursor = { id: rows[rows.length - 1].id }
  }
}
