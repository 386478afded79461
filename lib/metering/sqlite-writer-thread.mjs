// Worker thread that writes metering batches into SQLite with better-sqlite3 directly.
//
// Why not Prisma here: better-sqlite3 is synchronous, so on the gateway's event loop every
// commit (and its fsync) would stall every call in flight; and Prisma's per-row cost (~0.3 ms
// for createMany) alone would cap the gateway at a few thousand calls a second. A prepared
// statement in a thread of its own costs microseconds per row and never blocks the hot path.
// Plain .mjs because Node 20 cannot start a worker from a .ts file.
//
// Storage formats match what Prisma's SQLite adapter writes (DateTime as
// "YYYY-MM-DDTHH:MM:SS.sss+00:00" text, BigInt as integer), so Prisma reads these rows as its own.
import { randomBytes } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { billingStatements } from './billing-statements.mjs'

const db = new Database(workerData.file, { timeout: 10_000 })
db.pragma('journal_mode = WAL')
db.pragma('busy_timeout = 10000')
// A bigger page cache (64 MiB) keeps Invocation's index pages hot between batches.
db.pragma('cache_size = -65536')

/** @param {number} ms */
const sqliteDate = (ms) => new Date(ms).toISOString().replace('Z', '+00:00')

const INVOCATION_COLUMNS = [
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
  'updatedAt',
]
const insertInvocation = db.prepare(
  `INSERT INTO "Invocation" (${INVOCATION_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${INVOCATION_COLUMNS.map(() => '?').join(', ')})
   ON CONFLICT ("requestId") DO NOTHING`,
)
const findById = db.prepare('SELECT 1 FROM "Invocation" WHERE "id" = ?').pluck()
const upsertUsage = db.prepare(`
  INSERT INTO "UsageRollup" ("id", "hour", "ownerTeamId", "consumerTeamId", "apiId", "versionId", "statusClass",
    "calls", "blocked402", "latencySumMs", "costMicros", "inputTokens", "outputTokens", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("hour", "ownerTeamId", "consumerTeamId", "apiId", "versionId", "statusClass") DO UPDATE SET
    "calls" = "calls" + excluded."calls", "blocked402" = "blocked402" + excluded."blocked402",
    "latencySumMs" = "latencySumMs" + excluded."latencySumMs", "costMicros" = "costMicros" + excluded."costMicros",
    "inputTokens" = "inputTokens" + excluded."inputTokens", "outputTokens" = "outputTokens" + excluded."outputTokens",
    "updatedAt" = excluded."updatedAt"`)
const upsertLatency = db.prepare(`
  INSERT INTO "LatencyRollup" ("id", "hour", "ownerTeamId", "consumerTeamId", "apiId", "bucketMs", "calls", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("hour", "ownerTeamId", "consumerTeamId", "apiId", "bucketMs") DO UPDATE SET
    "calls" = "calls" + excluded."calls", "updatedAt" = excluded."updatedAt"`)
const AI_COUNTERS = [
  'calls',
  'inputTokens',
  'outputTokens',
  'costMicros',
  'estimatedCalls',
  'fallbackCalls',
  'failedCalls',
]
const upsertAiUsage = db.prepare(`
  INSERT INTO "AiUsageRollup" ("id", "hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider",
    ${AI_COUNTERS.map((c) => `"${c}"`).join(', ')}, "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ${AI_COUNTERS.map(() => '?').join(', ')}, ?, ?)
  ON CONFLICT ("hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider") DO UPDATE SET
    ${AI_COUNTERS.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')}, "updatedAt" = excluded."updatedAt"`)
const upsertAiLatency = db.prepare(`
  INSERT INTO "AiLatencyRollup" ("id", "hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider",
    "bucketMs", "latencyCalls", "ttftCalls", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("hour", "ownerTeamId", "consumerTeamId", "apiId", "model", "provider", "bucketMs") DO UPDATE SET
    "latencyCalls" = "latencyCalls" + excluded."latencyCalls", "ttftCalls" = "ttftCalls" + excluded."ttftCalls",
    "updatedAt" = excluded."updatedAt"`)
const touchKey = db.prepare(
  'UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE "id" = ? AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ?)',
)

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
/** Same shape as lib/ids.ts createId (which the thread cannot import). @param {string} prefix */
const newId = (prefix) => prefix + '_' + Array.from(randomBytes(20), (b) => ID_ALPHABET[b % 36]).join('')

/** @type {Map<string, import('better-sqlite3').Statement>} */
const billingStatementCache = new Map()
/** @param {unknown} value */
const toSqlite = (value) => (value instanceof Date ? sqliteDate(value.getTime()) : value)

/** Runs the batch's money statements (see billing-statements.mjs) inside the open transaction. */
function writeBilling(billing) {
  const steps = billingStatements(billing, 'sqlite', new Date(), newId)
  let step = steps.next()
  while (!step.done) {
    const { sql, params, read } = step.value
    let statement = billingStatementCache.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      // Money columns are 64-bit: read them as BigInt, never as a float that could round.
      if (read) statement.safeIntegers(true)
      billingStatementCache.set(sql, statement)
    }
    const args = params.map(toSqlite)
    step = steps.next(read ? statement.get(...args) : statement.run(...args).changes)
  }
}

/** One transaction per batch (BEGIN IMMEDIATE: take the write lock up front, no upgrade deadlock). */
const writeBatch = db.transaction((batch) => {
  // A retry after a lost acknowledgement: the first row's id tells whether the batch committed.
  if (batch.attempts > 1 && findById.get(batch.rows[0].id)) return 'already-written'
  const now = sqliteDate(Date.now())
  for (const r of batch.rows) {
    // Client-sent request ids can repeat across batches; Invocation.requestId is unique. A clash
    // inserts nothing (changes = 0) and the row is retried under a suffixed id.
    let requestId = r.requestId
    const createdAt = sqliteDate(r.createdAt)
    while (
      insertInvocation.run(
        r.id,
        requestId,
        r.ownerTeamId,
        r.consumerTeamId,
        r.apiId,
        r.versionId,
        r.keyId,
        r.subscriptionId,
        r.method,
        r.path,
        r.status,
        r.errorCode,
        r.latencyMs,
        r.upstreamMs,
        r.requestBytes,
        r.responseBytes,
        r.inputTokens,
        r.outputTokens,
        r.costMicros,
        r.incidentId,
        r.model ?? null,
        r.provider ?? null,
        r.usageEstimated ? 1 : 0,
        r.attempts ?? 1,
        r.ttftMs ?? null,
        createdAt,
        now,
      ).changes === 0
    ) {
      requestId = `${r.requestId}~${Math.random().toString(36).slice(2, 8)}`
    }
  }
  for (const u of batch.usage) {
    upsertUsage.run(
      u.id,
      sqliteDate(u.hour),
      u.ownerTeamId,
      u.consumerTeamId,
      u.apiId,
      u.versionId,
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
    upsertLatency.run(l.id, sqliteDate(l.hour), l.ownerTeamId, l.consumerTeamId, l.apiId, l.bucketMs, l.calls, now, now)
  }
  for (const a of batch.aiUsage) {
    upsertAiUsage.run(
      a.id,
      sqliteDate(a.hour),
      a.ownerTeamId,
      a.consumerTeamId,
      a.apiId,
      a.model,
      a.provider,
      ...AI_COUNTERS.map((c) => a[c]),
      now,
      now,
    )
  }
  for (const a of batch.aiLatency) {
    upsertAiLatency.run(
      a.id,
      sqliteDate(a.hour),
      a.ownerTeamId,
      a.consumerTeamId,
      a.apiId,
      a.model,
      a.provider,
      a.bucketMs,
      a.latencyCalls,
      a.ttftCalls,
      now,
      now,
    )
  }
  for (const [keyId, at] of batch.keysLastUsed) {
    const when = sqliteDate(at)
    touchKey.run(when, keyId, when)
  }
  writeBilling(batch.billing)
  return 'written'
}).immediate

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close()
    parentPort.postMessage({ type: 'closed' })
    return
  }
  try {
    const outcome = writeBatch(message.batch)
    parentPort.postMessage({ type: 'done', id: message.id, outcome })
  } catch (error) {
    parentPort.postMessage({
      type: 'done',
      id: message.id,
      error: String(error && error.message ? error.message : error),
    })
  }
})
