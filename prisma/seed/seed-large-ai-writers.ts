import type Database from 'better-sqlite3'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import type { AiLatencyCounter, AiUsageCounter } from '@/lib/metering/rollup-buckets'

// The AI rollups of seedLargeUsage's batches (AiUsageRollup, AiLatencyRollup), beside the REST
// ones in seed-large-usage-writers.ts: added to rows the gateway or an earlier run wrote, in the
// batch's transaction. SQLite through prepared statements, PostgreSQL through Prisma's upsert
// (a batch holds a few hundred AI rollup keys at most, against tens of thousands of calls).

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

export async function writeAiRollupsWithPrisma(tx: Tx, batch: AiRollups): Promise<void> {
  for (const a of batch.aiUsage ?? []) {
    const key = { ...a, hour: new Date(a.hour) }
    const where = {
      hour: key.hour,
      ownerTeamId: a.ownerTeamId,
      consumerTeamId: a.consumerTeamId,
      apiId: a.apiId,
      model: a.model,
      provider: a.provider,
    }
    await tx.aiUsageRollup.upsert({
      where: { hour_ownerTeamId_consumerTeamId_apiId_model_provider: where },
      create: { id: createId('air'), ...key },
      update: Object.fromEntries(AI_USAGE_SUMS.map((c) => [c, { increment: a[c] }])),
    })
  }
  for (const a of batch.aiLatency ?? []) {
    const where = {
      hour: new Date(a.hour),
      ownerTeamId: a.ownerTeamId,
      consumerTeamId: a.consumerTeamId,
      apiId: a.apiId,
      model: a.model,
      provider: a.provider,
      bucketMs: a.bucketMs,
    }
    await tx.aiLatencyRollup.upsert({
      where: { hour_ownerTeamId_consumerTeamId_apiId_model_provider_bucketMs: where },
      create: { id: createId('ail'), ...where, latencyCalls: a.latencyCalls, ttftCalls: a.ttftCalls },
      update: { latencyCalls: { increment: a.latencyCalls }, ttftCalls: { increment: a.ttftCalls } },
    })
  }
}
