// GET /t/{team}/billing/statement.csv?month=YYYY-MM - one month's statement as CSV
import { scopeOf } from '@/lib/auth/actor'
import { billingCsvRoute } from '@/lib/billing/csv-route'
import { exportStatementCsv } from '@/lib/billing/export-statement-csv'
import { csvResponse } from '@/lib/billing/format-csv'
import { getMonthlyStatement } from '@/lib/billing/get-monthly-statement'
import { parseBillingPageQuery } from '@/lib/billing/schemas'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }): Promise<Response> {
  const { team } = await params
  return billingCsvRoute(team, async (context) => {
    // A missing or malformed month means the current one, as on the page.
    const { month } = parseBillingPageQuery(Object.fromEntries(new URL(request.url).searchParams))
    const statement = await getMonthlyStatement(scopeOf(context), { month })
    const body = new Blob([exportStatementCsv(statement)]).stream()
    return csvResponse(body, `statement-${context.team.slug}-${month}.csv`)
  })
}
