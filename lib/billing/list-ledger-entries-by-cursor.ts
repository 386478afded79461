import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { getApiLabels } from './get-api-labels'
import { ledgerWhere, type LedgerRow } from './list-ledger-entries'

/** The team's ledger by keyset cursor, newest first (the management API), with the console's search. */
export async function listLedgerEntriesByCursor(
  { teamId }: TeamReadScope,
  { q, ...page }: CursorPageRequest & { q?: string },
): Promise<CursorPage<LedgerRow>> {
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.ledgerEntry.findMany({
        where: { AND: [ledgerWhere(teamId, q), ...keyset] },
        orderBy,
        take,
        select: {
          id: true,
          createdAt: true,
          kind: true,
          amountMicros: true,
          currency: true,
          description: true,
          apiId: true,
        },
      }),
    mapPage: async (rows) => {
      const labels = await getApiLabels(rows.flatMap((r) => (r.apiId ? [r.apiId] : [])))
      return rows.map((r) => ({ ...r, apiLabel: r.apiId ? (labels.get(r.apiId)?.label ?? null) : null }))
    },
  })
}
