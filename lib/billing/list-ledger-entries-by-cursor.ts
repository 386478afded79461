import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { LEDGER_ROW_SELECT, ledgerWhere, withApiLabels, type LedgerRow } from './list-ledger-entries'

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
        select: LEDGER_ROW_SELECT,
      }),
    mapPage: withApiLabels,
  })
}
