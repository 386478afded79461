import type { TeamReadScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { runOnPrisma, dialectOf } from '@/lib/metering/run-on-prisma'
import { readAll, type SqlDialect } from '@/lib/metering/sql-program'
import { teamScopeWhere } from '@/lib/teams/team-view'
import type { DashboardRequest, Granularity } from '../dashboard-window'

// AiUsageRollup summed per chart bucket (and per exposed model when asked), grouped in SQL: a
// 30-day window comes back as 30 day rows a series instead of 720 hour rows for JavaScript to
// fold, which was most of the page's time on large traffic. Each engine reads the team's covering
// index on (team, hour, …), so no query touches the table itself.

export type AiUsageBucketSums = {
  /** Start of the bucket (an hour, or a UTC day on day-grained windows). */
  bucket: Date
  /** The exposed model, or '' when the sums are not split by model. */
  model: string
  calls: number
  inputTokens: number
  outputTokens: number
  costMicros: bigint
  fallbackCalls: number
  failedCalls: number
}

// Both give the bucket as ISO text, so no engine's timestamp type or the server's time zone can
// move a bucket. SQLite stores DateTime as ISO text ("2026-11-03T17:00:00.000+00:00").
const BUCKET_SQL: Record<SqlDialect, Record<Granularity, string>> = {
  sqlite: { hour: `substr("hour", 1, 13) || ':00:00Z'`, day: `substr("hour", 1, 10) || 'T00:00:00Z'` },
  postgres: {
    hour: `to_char("hour", 'YYYY-MM-DD"T"HH24:00:00"Z"')`,
    day: `to_char("hour", 'YYYY-MM-DD"T00:00:00Z"')`,
  },
}

export async function sumAiUsageByBucket(
  { teamId }: TeamReadScope,
  { view, window, filter }: DashboardRequest,
  { byModel = false }: { byModel?: boolean } = {},
): Promise<AiUsageBucketSums[]> {
  const client = db as unknown as Tx
  const dialect = dialectOf(client)
  // The same WHERE as rollupWhere: the team's side, the window's hours, then the filters.
  const [teamColumn] = Object.keys(teamScopeWhere(view, teamId))
  const where = [`"${teamColumn}" = ?`, `"hour" >= ?`, `"hour" < ?`]
  const params: unknown[] = [teamId, window.from, window.to]
  if (filter?.apiId) {
    where.push(`"apiId" = ?`)
    params.push(filter.apiId)
  }
  if (view === 'owner' && filter?.consumerTeamId) {
    where.push(`"consumerTeamId" = ?`)
    params.push(filter.consumerTeamId)
  }
  const bucket = BUCKET_SQL[dialect][window.granularity]
  const model = byModel ? `"model"` : `''`
  const rows = await runOnPrisma(
    client,
    readAll(
      `SELECT ${bucket} AS "bucket", ${model} AS "model", SUM("calls") AS "calls",
        SUM("inputTokens") AS "inputTokens", SUM("outputTokens") AS "outputTokens",
        SUM("costMicros") AS "costMicros", SUM("fallbackCalls") AS "fallbackCalls",
        SUM("failedCalls") AS "failedCalls"
      FROM "AiUsageRollup" WHERE ${where.join(' AND ')}
      GROUP BY 1${byModel ? ', 2' : ''}`,
      params,
    ),
    dialect,
  )
  return rows.map((r) => ({
    bucket: new Date(String(r.bucket)),
    model: String(r.model),
    calls: Number(r.calls ?? 0),
    inputTokens: Number(r.inputTokens ?? 0),
    outputTokens: Number(r.outputTokens ?? 0),
    // PostgreSQL sums a BIGINT as NUMERIC: read it through its text, never a float.
    costMicros: BigInt(String(r.costMicros ?? 0)),
    fallbackCalls: Number(r.fallbackCalls ?? 0),
    failedCalls: Number(r.failedCalls ?? 0),
  }))
}
