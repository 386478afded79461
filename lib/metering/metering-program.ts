import { createId, randomToken } from '../ids'
import type { MeteredCall } from './batch-sink'
import { billingStatements } from './billing-statements'
import { prepareBilling } from './prepare-billing'
import {
  aggregateRollups,
  type AiLatencyCounter,
  type AiUsageCounter,
  type LatencyCounter,
  type UsageCounter,
} from './rollup-buckets'
import { chunkSizes, execute, readAll, valuesList, type SqlDialect, type SqlProgram } from './sql-program'
import { claimSequenced } from './stream-checkpoints'

// THE metering program: what one batch of calls writes, computed once, here, for both engines.
// The SQLite writer thread (run-on-sqlite.ts) and the Prisma sink (run-on-prisma.ts) only execute
// it. In one transaction: the calls' Invocation rows (multi-row inserts), and for the calls that
// were not in the database yet, their usage, latency and AI rollups, key last-used times and money
// (billing-statements.ts). A call already written (a retry after a lost acknowledgement, a spool
// replayed after a crash) is found by its id and adds nothing.

/** The Invocation columns a call fills, in order (`updatedAt` follows). The spool uses them too. */
export const INVOCATION_COLUMNS = [
  'id',
  'requestId',
  'ownerTeamId',
  'consumerTeamId',
  'apiId',
  'versionId',
  'keyId',
  'subscriptionId',
  'method',
  'path',
  'status',
  'errorCode',
  'latencyMs',
  'upstreamMs',
  'requestBytes',
  'responseBytes',
  'inputTokens',
  'outputTokens',
  'costMicros',
  'incidentId',
  'model',
  'provider',
  'usageEstimated',
  'attempts',
  'ttftMs',
  'createdAt',
] as const satisfies ReadonlyArray<keyof MeteredCall>

const COLUMN_DEFAULTS: Partial<Record<keyof MeteredCall, unknown>> = { usageEstimated: false, attempts: 1 }
const INSERT_COLUMNS = [...INVOCATION_COLUMNS, 'updatedAt']

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ')

function pushInvocationValues(params: unknown[], c: MeteredCall, requestId: string, now: Date): void {
  for (const column of INVOCATION_COLUMNS) {
    if (column === 'requestId') params.push(requestId)
    else if (column === 'createdAt') params.push(new Date(c.createdAt))
    else params.push(c[column] ?? COLUMN_DEFAULTS[column] ?? null)
  }
  params.push(now)
}

/** Inserts rows, chunked into the few fixed shapes; returns the ids that went in. */
function* insertRows(rows: ReadonlyArray<[MeteredCall, string]>, now: Date): SqlProgram<Set<string>> {
  const inserted = new Set<string>()
  let offset = 0
  for (const size of chunkSizes(rows.length)) {
    const params: unknown[] = []
    for (let i = offset; i < offset + size; i++) pushInvocationValues(params, rows[i][0], rows[i][1], now)
    offset += size
    // No conflict target: a clash on the id (already written) or on requestId (a client-sent id
    // seen before) both insert nothing, and RETURNING says which rows went in.
    const returned = yield* readAll(
      `INSERT INTO "Invocation" (${quoted(INSERT_COLUMNS)}) VALUES ${valuesList(size, INSERT_COLUMNS.length)}
       ON CONFLICT DO NOTHING RETURNING "id"`,
      params,
    )
    for (const row of returned) inserted.add(row.id as string)
  }
  return inserted
}

/**
 * Writes the Invocation rows; returns the calls that were new. A call whose id is already there
 * was written before. Any other row left out clashed on its client-sent X-Request-Id (unique):
 * it is written under a suffixed request id rather than lost.
 */
function* insertInvocations(calls: readonly MeteredCall[], now: Date): SqlProgram<MeteredCall[]> {
  const inserted = yield* insertRows(
    calls.map((c) => [c, c.requestId]),
    now,
  )
  let missing = calls.filter((c) => !inserted.has(c.id))
  if (missing.length > 0) {
    const present = yield* readAll(
      `SELECT "id" FROM "Invocation" WHERE "id" IN (${valuesList(missing.length, 1, '?')})`,
      missing.map((c) => c.id),
    )
    const written = new Set(present.map((row) => row.id as string))
    missing = missing.filter((c) => !written.has(c.id))
  }
  for (let attempt = 0; missing.length > 0 && attempt < 5; attempt++) {
    const renamed = yield* insertRows(
      missing.map((c) => [c, `${c.requestId}~${randomToken(6)}`]),
      now,
    )
    for (const id of renamed) inserted.add(id)
    missing = missing.filter((c) => !renamed.has(c.id))
  }
  if (missing.length > 0) throw new Error(`metering: ${missing.length} rows could not be inserted`)
  return calls.filter((c) => inserted.has(c.id))
}

/** A rollup table: its unique key (`hour` first, an epoch-ms number in the counter) and its counters. */
type RollupTable<T> = { table: string; idPrefix: string; key: ReadonlyArray<keyof T>; counters: ReadonlyArray<keyof T> }

/** A multi-row upsert adding each item's counters to the row with the same key, in the few fixed shapes. */
function* upsertCounters<T extends { hour: number }>(spec: RollupTable<T>, items: readonly T[], now: Date): SqlProgram {
  const key = spec.key as readonly string[]
  const counters = spec.counters as readonly string[]
  const columns = ['id', ...key, ...counters, 'createdAt', 'updatedAt']
  const add = counters.map((c) => `"${c}" = "${spec.table}"."${c}" + excluded."${c}"`).join(', ')
  let offset = 0
  for (const size of chunkSizes(items.length)) {
    const params: unknown[] = []
    for (let i = offset; i < offset + size; i++) {
      const item = items[i]
      params.push(createId(spec.idPrefix), new Date(item.hour))
      for (let k = 1; k < spec.key.length; k++) params.push(item[spec.key[k]])
      for (const c of spec.counters) params.push(item[c])
      params.push(now, now)
    }
    offset += size
    yield* execute(
      `INSERT INTO "${spec.table}" (${quoted(columns)}) VALUES ${valuesList(size, columns.length)}
       ON CONFLICT (${quoted(key)}) DO UPDATE SET ${add}, "updatedAt" = excluded."updatedAt"`,
      params,
    )
  }
}

const AI_KEY = ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'model', 'provider'] as const
const USAGE: RollupTable<UsageCounter> = {
  table: 'UsageRollup',
  idPrefix: 'ur',
  key: ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'versionId', 'keyId', 'statusClass'],
  counters: ['calls', 'blocked402', 'latencySumMs', 'costMicros', 'inputTokens', 'outputTokens'],
}
const LATENCY: RollupTable<LatencyCounter> = {
  table: 'LatencyRollup',
  idPrefix: 'lr',
  key: ['hour', 'ownerTeamId', 'consumerTeamId', 'apiId', 'bucketMs'],
  counters: ['calls'],
}
const AI_USAGE: RollupTable<AiUsageCounter> = {
  table: 'AiUsageRollup',
  idPrefix: 'air',
  key: AI_KEY,
  counters: ['calls', 'inputTokens', 'outputTokens', 'costMicros', 'estimatedCalls', 'fallbackCalls', 'failedCalls'],
}
const AI_LATENCY: RollupTable<AiLatencyCounter> = {
  table: 'AiLatencyRollup',
  idPrefix: 'ail',
  key: [...AI_KEY, 'bucketMs'],
  counters: ['latencyCalls', 'ttftCalls'],
}

function* writeRollups(calls: readonly MeteredCall[], now: Date): SqlProgram {
  const { usage, latency, aiUsage, aiLatency } = aggregateRollups(calls)
  yield* upsertCounters(USAGE, usage, now)
  yield* upsertCounters(LATENCY, latency, now)
  yield* upsertCounters(AI_USAGE, aiUsage, now)
  yield* upsertCounters(AI_LATENCY, aiLatency, now)
}

/** ApiKey.lastUsedAt once per key per batch, and never moved backwards (a replay is older). */
function* touchKeys(calls: readonly MeteredCall[]): SqlProgram {
  const latest = new Map<string, number>()
  for (const c of calls) if (c.keyId && (latest.get(c.keyId) ?? 0) < c.createdAt) latest.set(c.keyId, c.createdAt)
  for (const [keyId, at] of latest) {
    const when = new Date(at)
    yield* execute(
      'UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE "id" = ? AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ?)',
      [when, keyId, when],
    )
  }
}

/** The whole batch, for either engine; returns the calls it wrote (those not written before). */
export function* meteringProgram(
  calls: readonly MeteredCall[],
  dialect: SqlDialect,
  now = new Date(),
): SqlProgram<MeteredCall[]> {
  if (calls.length === 0) return []
  // Sequenced calls (raw-log sampling on) are new by their stream's checkpoint, and a sampled-out
  // one writes no row; any other call is new when its Invocation row goes in.
  const sequenced = calls.filter((c) => c.seq !== undefined)
  const claimed = new Set(yield* claimSequenced(sequenced, dialect, now))
  const logged = new Set(
    yield* insertInvocations(
      calls.filter((c) => (c.seq === undefined ? true : claimed.has(c) && !c.rowSampledOut)),
      now,
    ),
  )
  const fresh = calls.filter((c) => (c.seq === undefined ? logged.has(c) : claimed.has(c)))
  if (fresh.length === 0) return fresh
  yield* writeRollups(fresh, now)
  yield* touchKeys(fresh)
  // The first new row's id makes each charge's idempotency key unique to this write.
  yield* billingStatements(prepareBilling(fresh, fresh[0].id), dialect, now, createId)
  return fresh
}
