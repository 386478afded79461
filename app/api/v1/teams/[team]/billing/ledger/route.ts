// GET /api/v1/teams/{team}/billing/ledger: ledger entries, newest first, with the console's search.
import { listLedgerEntriesByCursor } from '@/lib/billing/list-ledger-entries-by-cursor'
import { cursorListBody, cursorRequestOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'
import { searchText } from '@/lib/validation/text'

export const dynamic = 'force-dynamic'

const qSchema = searchText().max(100).optional().catch(undefined)

export const GET = managementRoute<{ team: string }>('billing.read', async ({ url, caller }) => {
  const q = qSchema.parse(url.searchParams.get('q') ?? undefined) || undefined
  const page = await listLedgerEntriesByCursor(caller.scope, { ...cursorRequestOf(url), q })
  return { body: cursorListBody(url, page) }
})
