// GET /t/{team}/billing/ledger.csv - the team's whole ledger (or the page's search) as CSV, streamed
import { scopeOf } from '@/lib/auth/actor'
import { billingCsvRoute } from '@/lib/billing/csv-route'
import { exportLedgerCsv } from '@/lib/billing/export-ledger-csv'
import { csvResponse, csvStream } from '@/lib/billing/format-csv'
import { billingPageQuerySchema } from '@/lib/billing/schemas'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }): Promise<Response> {
  const { team } = await params
  return billingCsvRoute(team, async (context) => {
    const { q } = billingPageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
    return csvResponse(
      csvStream(exportLedgerCsv(scopeOf(context), { q: q || undefined })),
      `ledger-${context.team.slug}.csv`,
    )
  })
}
