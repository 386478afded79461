import type Database from 'better-sqlite3'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import type { AiLatencyCounter, AiUsageCounter } from '@/lib/metering/rollup-buckets'

// The AI rollups of seedLargeUsage's batches (AiUsageRollup, AiLatencyRollup), beside the REST
// ones in seed-large-usage-writers.ts: added to rows the gateway or an earlier run wrote, in the
// batch's transaction. SQLite through prepared statements, PostgreSQL through Prisma.

export type AiRollups = { aiUsage?: AiUsageCounter[]; aiLatency?: AiLatencyCounter[] }

const AI_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'model', 'provider'] as const
const AI_USAGE_SUMS = [
  'calls',
  'inputTokens',
  'outputTokens',
  'costMicros',
  'estimatedCalls',
  'fallbackCalls',
  'failedCalls',
] as const
const AI_LATENCY_SUMS = ['latencyCalls', 'ttftCalls'] as const

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/** Prepared upserts on the seed's own connection; the returned function runs inside its transaction. */
export function sqliteAiRollupWriter(
  raw: Database.Database,
  upsertSql: (table: string, key: readonly string[], sums: readonly string[]) => string,
  sqliteTime: (ms: number) => string,
): (batch: AiRollups, now: string) => void {
  const usage = raw.prepare(upsertSql('AiUsageRollup', AI_KEY, AI_USAGE_SUMS))
  const latency = raw.prepare(upsertSql('AiLatencyRollup', [...AI_KEY, 'bucketMs'], AI_LATENCY_SUMS))
  const key = (a: AiUsageCounter | AiLatencyCounter) => [
    sqliteTime(a.hour),
    a.ownerTeamId,
    a.consumerTeamId,
    a.apiId,
    a.model,
    a.provider,
  ]
  return (batch, now) => {
    for (const a of batch.aiUsage ?? [])
      usage.run(createId('air'), ...key(a), ...AI_USAGE_SUMS.map((c) => a[c]), now, now)
    for (const a of batch.aiLatency ?? [])
      latency.run(createId('ail'), ...key(a), a.bucketMs, a.latencyCalls, a.ttftCalls, now, now)
  }
}

/**
 * Like the REST rollups' Prisma path: one read of the keys already present in the batch's hours,
 * an increment for each of those, and createMany for the rest (a batch spans weeks of hours in
 * tests, so an upsert per key would cost thousands of round trips).
 */
export async function writeAiRollupsWithPrisma(tx: Tx, batch: AiRollups): Promise<void> {
  const usage = batch.aiUsage ?? []
  const latency = batch.aiLatency ?? []
  const hours = [...usage, ...latency].map((a) => a.hour)
  if (hours.length === 0) return
  const range = { gte: new Date(Math.min(...hours)), lte: new Date(Math.max(...hours)) }
  const select = {
    id: true,
    hour: true,
    ownerTeamId: true,
    consumerTeamId: true,
    apiId: true,
    model: true,
    provider: true,
  }
  const [usageRows, latencyRows] = await Promise.all([
    tx.aiUsageRollup.findMany({ where: { hour: range }, select }),
    tx.aiLatencyRollup.findMany({ where: { hour: range }, select: { ...select, bucketMs: true } }),
  ])
  const key = (a: {
    hour: number | Date
    ownerTeamId: string
    consumerTeamId: string
    apiId: string
    model: string
    provider: string
  }) => `${new Date(a.hour).getTime()}|${a.ownerTeamId}|${a.consumerTeamId}|${a.apiId}|${a.model}|${a.provider}`
  const usageIds = new Map(usageRows.map((r) => [key(r), r.id]))
  const latencyIds = new Map(latencyRows.map((r) => [`${key(r)}|${r.bucketMs}`, r.id]))

  const newUsage = []
  for (const a of usage) {
    const id = usageIds.get(key(a))
    if (!id) newUsage.push({ ...a, id: createId('air'), hour: new Date(a.hour) })
    else
      await tx.aiUsageRollup.update({
        where: { id },
        data: Object.fromEntries(AI_USAGE_SUMS.map((c) => [c, { increment: a[c] }])),
      })
  }
  const newLatency = []
  for (const a of latency) {
    const id = latencyIds.get(`${key(a)}|${a.bucketMs}`)
    if (!id) newLatency.push({ ...a, id: createId('ail'), hour: new Date(a.hour) })
    else
      await tx.aiLatencyRollup.update({
        where: { id },
        data: { latencyCalls: { increment: a.latencyCalls }, ttftCalls: { increment: a.ttftCalls } },
      })
  }
  for (let i = 0; i < newUsage.length; i += 1_000)
    await tx.aiUsageRollup.createMany({ data: newUsage.slice(i, i + 1_000) })
  for (let i = 0; i < newLatency.length; i += 1_000)
    await tx.aiLatencyRollup.createMany({ data: newLatency.slice(i, i + 1_000) })
}
