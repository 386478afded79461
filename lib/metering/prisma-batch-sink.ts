import type { Db, Tx } from '../db'
import { createId, randomToken } from '../ids'
import { billingStatements } from './billing-statements.mjs'
import type { BatchSink, PreparedBatch } from './prepare-batch'

// Writes batches through Prisma: the portable sink, used for PostgreSQL (async I/O, so it does
// not block the event loop) and whenever the SQLite file is not known. Its per-row CPU cost is
// far higher than the SQLite thread sink's; see sqlite-writer-thread.mjs.

export type SqlDialect = 'sqlite' | 'postgres'

export class PrismaBatchSink implements BatchSink {
  constructor(
    private readonly db: Db,
    private readonly dialect: SqlDialect,
  ) {}

  write(batch: PreparedBatch): Promise<'written' | 'already-written'> {
    const retry = batch.attempts > 1
    return this.db.$transaction(
      async (tx) => {
        if (retry) {
          // A lost acknowledgement: the first row's id tells whether the batch committed.
          const committed = await tx.invocation.findUnique({ where: { id: batch.rows[0].id }, select: { id: true } })
          if (committed) return 'already-written' as const
          await renameCollidingRequestIds(tx, batch)
        }
        await tx.invocation.createMany({ data: batch.rows.map(toInvocationRow) })
        for (const u of batch.usage) await upsertUsage(tx, u)
        for (const l of batch.latency) await upsertLatency(tx, l)
        for (const a of batch.aiUsage) await upsertAiUsage(tx, a)
        for (const a of batch.aiLatency) await upsertAiLatency(tx, a)
        for (const [keyId, at] of batch.keysLastUsed) {
          // updateMany: a key deleted meanwhile must not fail the whole batch.
          await tx.apiKey.updateMany({ where: { id: keyId }, data: { lastUsedAt: new Date(at) } })
        }
        await writeBilling(tx, batch, this.dialect)
        return 'written' as const
      },
      { timeout: 60_000, maxWait: 30_000 },
    )
  }

  async close(): Promise<void> {}
}

/** Drives billing-statements.mjs: the same SQL the SQLite thread runs, through Prisma's raw queries. */
async function writeBilling(tx: Tx, batch: PreparedBatch, dialect: SqlDialect): Promise<void> {
  const steps = billingStatements(batch.billing, dialect, new Date(), createId)
  let step = steps.next()
  while (!step.done) {
    const { sql, params, read } = step.value
    let index = 0
    const text = dialect === 'postgres' ? sql.replace(/\?/g, () => `$${++index}`) : sql
    // Prisma's SQLite driver has no DateTime parameter type for raw SQL: send the text form Prisma stores.
    const args =
      dialect === 'sqlite'
        ? params.map((p) => (p instanceof Date ? p.toISOString().replace('Z', '+00:00') : p))
        : params
    const result = read
      ? ((await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args))[0] ?? undefined)
      : await tx.$executeRawUnsafe(text, ...args)
    step = steps.next(result)
  }
}

async function renameCollidingRequestIds(tx: Tx, batch: PreparedBatch): Promise<void> {
  const existing = await tx.invocation.findMany({
    where: { requestId: { in: batch.rows.map((r) => r.requestId) } },
    select: { requestId: true },
  })
  if (existing.length === 0) return
  const taken = new Set(existing.map((e) => e.requestId))
  for (const row of batch.rows) if (taken.has(row.requestId)) row.requestId = `${row.requestId}~${randomToken(6)}`
}

function toInvocationRow(r: PreparedBatch['rows'][number]) {
  return {
    id: r.id,
    requestId: r.requestId,
    createdAt: new Date(r.createdAt),
    ownerTeamId: r.ownerTeamId,
    consumerTeamId: r.consumerTeamId,
    apiId: r.apiId,
    versionId: r.versionId,
    keyId: r.keyId,
    subscriptionId: r.subscriptionId,
    method: r.method,
    path: r.path,
    status: r.status,
    errorCode: r.errorCode,
    latencyMs: r.latencyMs,
    upstreamMs: r.upstreamMs,
    requestBytes: r.requestBytes,
    responseBytes: r.responseBytes,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    costMicros: r.costMicros,
    incidentId: r.incidentId,
    model: r.model ?? null,
    provider: r.provider ?? null,
    usageEstimated: r.usageEstimated ?? false,
    attempts: r.attempts ?? 1,
    ttftMs: r.ttftMs ?? null,
  }
}

function upsertAiUsage(tx: Tx, a: PreparedBatch['aiUsage'][number]) {
  const key = {
    hour: new Date(a.hour),
    ownerTeamId: a.ownerTeamId,
    consumerTeamId: a.consumerTeamId,
    apiId: a.apiId,
    model: a.model,
    provider: a.provider,
  }
  const counts = {
    calls: a.calls,
    inputTokens: a.inputTokens,
    outputTokens: a.outputTokens,
    costMicros: a.costMicros,
    estimatedCalls: a.estimatedCalls,
    fallbackCalls: a.fallbackCalls,
    failedCalls: a.failedCalls,
  }
  return tx.aiUsageRollup.upsert({
    where: { hour_ownerTeamId_consumerTeamId_apiId_model_provider: key },
    create: { id: a.id, ...key, ...counts },
    update: Object.fromEntries(Object.entries(counts).map(([name, value]) => [name, { increment: value }])),
  })
}

function upsertAiLatency(tx: Tx, a: PreparedBatch['aiLatency'][number]) {
  const key = {
    hour: new Date(a.hour),
    ownerTeamId: a.ownerTeamId,
    consumerTeamId: a.consumerTeamId,
    apiId: a.apiId,
    model: a.model,
    provider: a.provider,
    bucketMs: a.bucketMs,
  }
  return tx.aiLatencyRollup.upsert({
    where: { hour_ownerTeamId_consumerTeamId_apiId_model_provider_bucketMs: key },
    create: { id: a.id, ...key, latencyCalls: a.latencyCalls, ttftCalls: a.ttftCalls },
    update: { latencyCalls: { increment: a.latencyCalls }, ttftCalls: { increment: a.ttftCalls } },
  })
}

function upsertUsage(tx: Tx, u: PreparedBatch['usage'][number]) {
  const key = {
    hour: new Date(u.hour),
    ownerTeamId: u.ownerTeamId,
    consumerTeamId: u.consumerTeamId,
    apiId: u.apiId,
    versionId: u.versionId,
    statusClass: u.statusClass,
  }
  return tx.usageRollup.upsert({
    where: { hour_ownerTeamId_consumerTeamId_apiId_versionId_statusClass: key },
    create: {
      id: u.id,
      ...key,
      calls: u.calls,
      blocked402: u.blocked402,
      latencySumMs: u.latencySumMs,
      costMicros: u.costMicros,
      inputTokens: u.inputTokens,
      outputTokens: u.outputTokens,
    },
    update: {
      calls: { increment: u.calls },
      blocked402: { increment: u.blocked402 },
      latencySumMs: { increment: u.latencySumMs },
      costMicros: { increment: u.costMicros },
      inputTokens: { increment: u.inputTokens },
      outputTokens: { increment: u.outputTokens },
    },
  })
}

function upsertLatency(tx: Tx, l: PreparedBatch['latency'][number]) {
  const key = {
    hour: new Date(l.hour),
    ownerTeamId: l.ownerTeamId,
    consumerTeamId: l.consumerTeamId,
    apiId: l.apiId,
    bucketMs: l.bucketMs,
  }
  return tx.latencyRollup.upsert({
    where: { hour_ownerTeamId_consumerTeamId_apiId_bucketMs: key },
    create: { id: l.id, ...key, calls: l.calls },
    update: { calls: { increment: l.calls } },
  })
}
