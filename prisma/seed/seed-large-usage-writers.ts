import Database from 'better-sqlite3'
import type { PaymentCause } from '@/generated/sqlite/enums'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import type { BillingIncident, BillingRollup } from '@/lib/metering/prepare-billing'
import type { LatencyCounter, UsageCounter } from '@/lib/metering/rollup-buckets'
import { INVOCATION_COLUMNS, insertInvocations, sqliteInvocationValues, sqliteTime } from './insert-invocations'
import type { PaymentEpisode } from './payment-episodes'
import { sqliteAiRollupWriter, writeAiRollupsWithPrisma, type AiRollups } from './seed-large-ai-writers'

// Where seedLargeUsage's batches go. Each batch (calls plus the rollups they add up to) is one
// transaction, so an interrupted run never leaves rollups that disagree with the call log.
//
// SQLite gets its own better-sqlite3 connection with prepared statements: Prisma's createMany
// through the driver adapter measured ~0.7 ms per Invocation row here (5M rows ≈ an hour), the
// prepared statement ~0.01 ms. Values are written exactly as Prisma writes them (DateTime as
// ISO 8601 text with "+00:00", BigInt as INTEGER), so Prisma's comparisons keep working.
// PostgreSQL goes through Prisma: its createMany is one multi-row INSERT per 1,000 rows.

export type SeedBatch = AiRollups & {
  calls: Array<InvocationRecord & { id: string }>
  usage: UsageCounter[]
  latency: LatencyCounter[]
  /** This batch's share of each episode's incident (its state comes from the episode). */
  incidents: Array<BillingIncident & { episode: PaymentEpisode }>
  paymentRollups: BillingRollup[]
}
export type BatchWriter = { write(batch: SeedBatch): Promise<void>; close(): Promise<void> }

const USAGE_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'versionId', 'keyId', 'statusClass'] as const
const USAGE_SUMS = ['calls', 'blocked402', 'latencySumMs', 'costMicros', 'inputTokens', 'outputTokens'] as const
const LATENCY_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'bucketMs'] as const
const PAYMENT_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'cause'] as const
const PAYMENT_SUMS = ['blockedCalls', 'blockedRevenueMicros'] as const

export const emptyBatch = (): Required<SeedBatch> => ({
  calls: [],
  usage: [],
  latency: [],
  aiUsage: [],
  aiLatency: [],
  incidents: [],
  paymentRollups: [],
})

/** A new incident row: the episode says whether it is still OPEN and how it ended. */
function incidentRow(i: SeedBatch['incidents'][number]) {
  const { episode } = i
  const resolvedAt = episode.open ? null : new Date(episode.end)
  return {
    id: i.id,
    consumerTeamId: i.consumerTeamId,
    ownerTeamId: i.ownerTeamId,
    apiId: i.apiId,
    cause: episode.cause,
    state: episode.open ? ('OPEN' as const) : ('RESOLVED' as const),
    firstSeenAt: new Date(i.firstSeenAt),
    lastSeenAt: new Date(i.lastSeenAt),
    blockedCalls: i.blockedCalls,
    blockedRevenueMicros: i.blockedRevenueMicros,
    resolvedAt,
    resolution: episode.resolution,
    resolvedById: episode.open ? null : (episode.resolvedById ?? null),
    createdAt: new Date(i.firstSeenAt),
    updatedAt: resolvedAt ?? new Date(i.lastSeenAt),
  }
}

const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ')
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

// INSERT … ON CONFLICT DO UPDATE adds to a rollup row the gateway (or an earlier run) wrote.
function upsertSql(table: string, key: readonly string[], sums: readonly string[]): string {
  const columns = ['id', ...key, ...sums, 'createdAt', 'updatedAt']
  const increments = sums.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ')
  return `INSERT INTO "${table}" (${quote(columns)}) VALUES (${marks(columns.length)})
    ON CONFLICT (${quote(key)}) DO UPDATE SET ${increments}, "updatedAt" = excluded."updatedAt"`
}

export function createSqliteWriter(file: string): BatchWriter {
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('busy_timeout = 30000')
  // WAL + NORMAL only syncs at checkpoints: still crash-safe, and the bulk load stops waiting on fsync.
  raw.pragma('synchronous = NORMAL')
  const insertCall = raw.prepare(
    `INSERT INTO "Invocation" (${quote(INVOCATION_COLUMNS)}) VALUES (${marks(INVOCATION_COLUMNS.length)})`,
  )
  const upsertUsage = raw.prepare(upsertSql('UsageRollup', USAGE_KEY, USAGE_SUMS))
  const upsertLatency = raw.prepare(upsertSql('LatencyRollup', LATENCY_KEY, ['calls']))
  const upsertPayment = raw.prepare(upsertSql('PaymentRollup', PAYMENT_KEY, PAYMENT_SUMS))
  const writeAiRollups = sqliteAiRollupWriter(raw, upsertSql, sqliteTime)
  const INCIDENT_COLUMNS = [
    'id',
    'consumerTeamId',
    'ownerTeamId',
    'apiId',
    'cause',
    'state',
    'firstSeenAt',
    'lastSeenAt',
    'blockedCalls',
    'blockedRevenueMicros',
    'resolvedAt',
    'resolution',
    'resolvedById',
    'createdAt',
    'updatedAt',
  ] as const
  // Batches come in time order, so a later batch's lastSeenAt is always the latest.
  const upsertIncident =
    raw.prepare(`INSERT INTO "PaymentIncident" (${quote(INCIDENT_COLUMNS)}) VALUES (${marks(INCIDENT_COLUMNS.length)})
    ON CONFLICT ("id") DO UPDATE SET "blockedCalls" = "PaymentIncident"."blockedCalls" + excluded."blockedCalls",
      "blockedRevenueMicros" = "PaymentIncident"."blockedRevenueMicros" + excluded."blockedRevenueMicros", "lastSeenAt" = excluded."lastSeenAt"`)
  const writeAll = raw.transaction((batch: SeedBatch) => {
    const now = sqliteTime(Date.now())
    for (const c of batch.calls) insertCall.run(...sqliteInvocationValues(c))
    for (const u of batch.usage) {
      upsertUsage.run(
        createId('ur'),
        sqliteTime(u.hour),
        u.ownerTeamId,
        u.consumerTeamId,
        u.apiId,
        u.versionId,
        u.keyId,
        u.statusClass,
        u.calls,
        u.blocked402,
        u.latencySumMs,
        u.costMicros,
        u.inputTokens,
        u.outputTokens,
        now,
        now,
      )
    }
    for (const l of batch.latency) {
      upsertLatency.run(
        createId('lr'),
        sqliteTime(l.hour),
        l.ownerTeamId,
        l.consumerTeamId,
        l.apiId,
        l.bucketMs,
        l.calls,
        now,
        now,
      )
    }
    writeAiRollups(batch, now)
    for (const p of batch.paymentRollups) {
      upsertPayment.run(
        createId('pr'),
        sqliteTime(p.hour),
        p.ownerTeamId,
        p.consumerTeamId,
        p.apiId,
        p.cause,
        p.blockedCalls,
        p.blockedRevenueMicros,
        now,
        now,
      )
    }
    for (const i of batch.incidents) {
      const row = incidentRow(i)
      const time = (date: Date | null) => (date ? sqliteTime(date.getTime()) : null)
      upsertIncident.run(
        row.id,
        row.consumerTeamId,
        row.ownerTeamId,
        row.apiId,
        row.cause,
        row.state,
        time(row.firstSeenAt),
        time(row.lastSeenAt),
        row.blockedCalls,
        row.blockedRevenueMicros,
        time(row.resolvedAt),
        row.resolution,
        row.resolvedById,
        time(row.createdAt),
        time(row.updatedAt),
      )
    }
  })
  return {
    async write(batch) {
      writeAll(batch)
    },
    async close() {
      raw.close()
    },
  }
}

const INSERT_ROWS = 1_000

export function createPrismaWriter(db: Db): BatchWriter {
  return {
    async write(batch) {
      await db.$transaction((tx) => writeBatchWithPrisma(tx, batch), { timeout: 300_000, maxWait: 60_000 })
    },
    async close() {},
  }
}

/** One batch through Prisma inside the caller's transaction (the demo seed adds its ledger to the same one). */
export async function writeBatchWithPrisma(tx: Tx, batch: SeedBatch): Promise<void> {
  await insertInvocations(tx, batch.calls)
  await writePaymentSide(tx, batch)
  await writeAiRollupsWithPrisma(tx, batch)
  if (batch.usage.length === 0) return
  const hours = batch.usage.map((u) => u.hour)
  const range = { gte: new Date(Math.min(...hours)), lte: new Date(Math.max(...hours)) }
  // Rollups from the gateway or an earlier run may already cover these hours: add to them.
  const [usageRows, latencyRows] = await Promise.all([
    tx.usageRollup.findMany({
      where: { hour: range },
      select: {
        id: true,
        hour: true,
        ownerTeamId: true,
        consumerTeamId: true,
        apiId: true,
        versionId: true,
        keyId: true,
        statusClass: true,
      },
    }),
    tx.latencyRollup.findMany({
      where: { hour: range },
      select: { id: true, hour: true, ownerTeamId: true, consumerTeamId: true, apiId: true, bucketMs: true },
    }),
  ])
  const usageKey = (u: Omit<(typeof usageRows)[number], 'hour' | 'id'> & { hour: number }) =>
    `${u.hour}|${u.ownerTeamId}|${u.consumerTeamId}|${u.apiId}|${u.versionId}|${u.keyId}|${u.statusClass}`
  const latencyKey = (l: Omit<(typeof latencyRows)[number], 'hour' | 'id'> & { hour: number }) =>
    `${l.hour}|${l.ownerTeamId}|${l.consumerTeamId}|${l.apiId}|${l.bucketMs}`
  const usageIds = new Map(usageRows.map((u) => [usageKey({ ...u, hour: u.hour.getTime() }), u.id]))
  const latencyIds = new Map(latencyRows.map((l) => [latencyKey({ ...l, hour: l.hour.getTime() }), l.id]))

  const newUsage = []
  for (const u of batch.usage) {
    const id = usageIds.get(usageKey(u))
    if (!id) newUsage.push({ ...u, id: createId('ur'), hour: new Date(u.hour) })
    else
      await tx.usageRollup.update({
        where: { id },
        data: Object.fromEntries(USAGE_SUMS.map((c) => [c, { increment: u[c] }])),
      })
  }
  const newLatency = []
  for (const l of batch.latency) {
    const id = latencyIds.get(latencyKey(l))
    if (!id) newLatency.push({ ...l, id: createId('lr'), hour: new Date(l.hour) })
    else await tx.latencyRollup.update({ where: { id }, data: { calls: { increment: l.calls } } })
  }
  for (let i = 0; i < newUsage.length; i += INSERT_ROWS)
    await tx.usageRollup.createMany({ data: newUsage.slice(i, i + INSERT_ROWS) })
  for (let i = 0; i < newLatency.length; i += INSERT_ROWS)
    await tx.latencyRollup.createMany({ data: newLatency.slice(i, i + INSERT_ROWS) })
}

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/** Incidents and PaymentRollup rows through Prisma, adding to rows an earlier batch wrote. */
async function writePaymentSide(tx: Tx, batch: SeedBatch): Promise<void> {
  if (batch.incidents.length > 0) {
    const known = new Set(
      (
        await tx.paymentIncident.findMany({
          where: { id: { in: batch.incidents.map((i) => i.id) } },
          select: { id: true },
        })
      ).map((i) => i.id),
    )
    for (const i of batch.incidents.filter((i) => known.has(i.id))) {
      await tx.paymentIncident.update({
        where: { id: i.id },
        data: {
          blockedCalls: { increment: i.blockedCalls },
          blockedRevenueMicros: { increment: i.blockedRevenueMicros },
          lastSeenAt: new Date(i.lastSeenAt),
        },
      })
    }
    await tx.paymentIncident.createMany({ data: batch.incidents.filter((i) => !known.has(i.id)).map(incidentRow) })
  }
  if (batch.paymentRollups.length === 0) return
  const hours = batch.paymentRollups.map((p) => p.hour)
  const existing = await tx.paymentRollup.findMany({
    where: { hour: { gte: new Date(Math.min(...hours)), lte: new Date(Math.max(...hours)) } },
    select: { id: true, hour: true, ownerTeamId: true, consumerTeamId: true, apiId: true, cause: true },
  })
  const key = (p: { hour: number; ownerTeamId: string; consumerTeamId: string; apiId: string; cause: string }) =>
    `${p.hour}|${p.ownerTeamId}|${p.consumerTeamId}|${p.apiId}|${p.cause}`
  const ids = new Map(existing.map((p) => [key({ ...p, hour: p.hour.getTime() }), p.id]))
  const fresh = []
  for (const p of batch.paymentRollups) {
    const id = ids.get(key(p))
    if (!id) fresh.push({ ...p, id: createId('pr'), hour: new Date(p.hour), cause: p.cause as PaymentCause })
    else
      await tx.paymentRollup.update({
        where: { id },
        data: {
          blockedCalls: { increment: p.blockedCalls },
          blockedRevenueMicros: { increment: p.blockedRevenueMicros },
        },
      })
  }
  if (fresh.length > 0) await tx.paymentRollup.createMany({ data: fresh })
}
