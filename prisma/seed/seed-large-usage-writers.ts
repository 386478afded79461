import Database from 'better-sqlite3'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import type { InvocationRecord } from '@/lib/metering/invocation-record'
import type { LatencyCounter, UsageCounter } from '@/lib/metering/rollup-buckets'

// Where seedLargeUsage's batches go. Each batch (calls plus the rollups they add up to) is one
// transaction, so an interrupted run never leaves rollups that disagree with the call log.
//
// SQLite gets its own better-sqlite3 connection with prepared statements: Prisma's createMany
// through the driver adapter measured ~0.7 ms per Invocation row here (5M rows ≈ an hour), the
// prepared statement ~0.01 ms. Values are written exactly as Prisma writes them (DateTime as
// ISO 8601 text with "+00:00", BigInt as INTEGER), so Prisma's comparisons keep working.
// PostgreSQL goes through Prisma: its createMany is one multi-row INSERT per 1,000 rows.

export type SeedBatch = { calls: Array<InvocationRecord & { id: string }>; usage: UsageCounter[]; latency: LatencyCounter[] }
export type BatchWriter = { write(batch: SeedBatch): Promise<void>; close(): Promise<void> }

const INVOCATION_COLUMNS = [
  'id', 'requestId', 'ownerTeamId', 'consumerTeamId', 'apiId', 'versionId', 'keyId', 'subscriptionId', 'method', 'path',
  'status', 'errorCode', 'latencyMs', 'upstreamMs', 'requestBytes', 'responseBytes', 'inputTokens', 'outputTokens',
  'costMicros', 'incidentId', 'createdAt', 'updatedAt',
] as const
const USAGE_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'versionId', 'statusClass'] as const
const USAGE_SUMS = ['calls', 'blocked402', 'latencySumMs', 'costMicros', 'inputTokens', 'outputTokens'] as const
const LATENCY_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'bucketMs'] as const

const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ')
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')
// Prisma's better-sqlite3 adapter stores DateTime as toISOString() with "Z" spelled "+00:00".
const sqliteTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

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
  const insertCall = raw.prepare(`INSERT INTO "Invocation" (${quote(INVOCATION_COLUMNS)}) VALUES (${marks(INVOCATION_COLUMNS.length)})`)
  const upsertUsage = raw.prepare(upsertSql('UsageRollup', USAGE_KEY, USAGE_SUMS))
  const upsertLatency = raw.prepare(upsertSql('LatencyRollup', LATENCY_KEY, ['calls']))
  const writeAll = raw.transaction((batch: SeedBatch) => {
    const now = sqliteTime(Date.now())
    for (const c of batch.calls) {
      const at = sqliteTime(c.createdAt)
      insertCall.run(c.id, c.requestId, c.ownerTeamId, c.consumerTeamId, c.apiId, c.versionId, c.keyId, c.subscriptionId, c.method,
        c.path, c.status, c.errorCode, c.latencyMs, c.upstreamMs, c.requestBytes, c.responseBytes, c.inputTokens, c.outputTokens,
        c.costMicros, c.incidentId, at, at)
    }
    for (const u of batch.usage) {
      upsertUsage.run(createId('ur'), sqliteTime(u.hour), u.ownerTeamId, u.consumerTeamId, u.apiId, u.versionId, u.statusClass,
        u.calls, u.blocked402, u.latencySumMs, u.costMicros, u.inputTokens, u.outputTokens, now, now)
    }
    for (const l of batch.latency) {
      upsertLatency.run(createId('lr'), sqliteTime(l.hour), l.ownerTeamId, l.consumerTeamId, l.apiId, l.bucketMs, l.calls, now, now)
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
      const hours = batch.usage.map((u) => u.hour)
      const range = { gte: new Date(Math.min(...hours)), lte: new Date(Math.max(...hours)) }
      await db.$transaction(async (tx) => {
        for (let i = 0; i < batch.calls.length; i += INSERT_ROWS) {
          await tx.invocation.createMany({ data: batch.calls.slice(i, i + INSERT_ROWS).map((c) => ({ ...c, createdAt: new Date(c.createdAt) })) })
        }
        // Rollups from the gateway or an earlier run may already cover these hours: add to them.
        const [usageRows, latencyRows] = await Promise.all([
          tx.usageRollup.findMany({ where: { hour: range }, select: { id: true, hour: true, ownerTeamId: true, consumerTeamId: true, apiId: true, versionId: true, statusClass: true } }),
          tx.latencyRollup.findMany({ where: { hour: range }, select: { id: true, hour: true, ownerTeamId: true, consumerTeamId: true, apiId: true, bucketMs: true } }),
        ])
        const usageKey = (u: Omit<(typeof usageRows)[number], 'hour' | 'id'> & { hour: number }) =>
          `${u.hour}|${u.ownerTeamId}|${u.consumerTeamId}|${u.apiId}|${u.versionId}|${u.statusClass}`
        const latencyKey = (l: Omit<(typeof latencyRows)[number], 'hour' | 'id'> & { hour: number }) =>
          `${l.hour}|${l.ownerTeamId}|${l.consumerTeamId}|${l.apiId}|${l.bucketMs}`
        const usageIds = new Map(usageRows.map((u) => [usageKey({ ...u, hour: u.hour.getTime() }), u.id]))
        const latencyIds = new Map(latencyRows.map((l) => [latencyKey({ ...l, hour: l.hour.getTime() }), l.id]))

        const newUsage = []
        for (const u of batch.usage) {
          const id = usageIds.get(usageKey(u))
          if (!id) newUsage.push({ ...u, id: createId('ur'), hour: new Date(u.hour) })
          else await tx.usageRollup.update({ where: { id }, data: Object.fromEntries(USAGE_SUMS.map((c) => [c, { increment: u[c] }])) })
        }
        const newLatency = []
        for (const l of batch.latency) {
          const id = latencyIds.get(latencyKey(l))
          if (!id) newLatency.push({ ...l, id: createId('lr'), hour: new Date(l.hour) })
          else await tx.latencyRollup.update({ where: { id }, data: { calls: { increment: l.calls } } })
        }
        for (let i = 0; i < newUsage.length; i += INSERT_ROWS) await tx.usageRollup.createMany({ data: newUsage.slice(i, i + INSERT_ROWS) })
        for (let i = 0; i < newLatency.length; i += INSERT_ROWS) await tx.latencyRollup.createMany({ data: newLatency.slice(i, i + INSERT_ROWS) })
      }, { timeout: 300_000, maxWait: 60_000 })
    },
    async close() {},
  }
}
