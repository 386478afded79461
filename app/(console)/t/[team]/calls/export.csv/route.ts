// GET /t/{team}/calls/export.csv - every call matching the call log's filters as CSV, streamed
import { scopeOf } from '@/lib/auth/actor'
import { teamCsvRoute } from '@/lib/billing/csv-route'
import { csvResponse, csvStream } from '@/lib/billing/format-csv'
import { exportCallsCsv } from '@/lib/calls/export-calls-csv'
import { parseCallLogQuery } from '@/lib/calls/schemas'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }): Promise<Response> {
  const { team } = await params
  // Every member may read the call log, so every member may export it.
  return teamCsvRoute(team, 'team.read', async (context) => {
    const query = parseCallLogQuery(Object.fromEntries(new URL(request.url).searchParams))
    const stamp = new Date().toISOString().slice(0, 16).replace(':', '')
    return csvResponse(csvStream(exportCallsCsv(scopeOf(context), query)), `calls-${context.team.slug}-${stamp}.csv`)
  })
}
