import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { InvocationRecord } from '../gateway/invocation-record'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'
import type { BatchSink, MeteredCall } from './batch-sink'
import { InvocationWriter } from './invocation-writer'
import type { SamplingOptions } from './raw-log-sampler'
import { TEST_SINKS, testSink, type SinkName } from './testing/test-sinks'

// Property: whatever the interleaving of calls, flushes, failed flushes (before touching the
// database, or after committing but before the acknowledgement) and replays of calls already
// handed over (a spool replayed after a crash, while the writer still holds them), every call is
// written exactly once, and so is each charge, rollup increment and incident counter. Through
// every driver of the metering program this engine has (SQLite: the writer thread and Prisma;
// PostgreSQL: Prisma), on the engine TEST_DATABASE_URL selects. With raw-log sampling on, the same
// holds for everything but the raw rows: exactly the calls not sampled out have one, errors all do.

let testDb: TestDatabase
let run = 0

beforeAll(async () => {
  testDb = await setupTestDatabase()
})
afterAll(async () => {
  await testDb?.cleanup()
})

const PRICE = 1_000n
const INITIAL = 10_000_000n
type CallKind = 'paid' | 'free' | 'blocked' | 'ai' | 'anonymous'
type Op =
  | { op: 'call'; kind: CallKind; reuseRequestId: boolean; hoursAgo: number; latencyMs: number }
  | { op: 'flush' }
  | { op: 'fail'; mode: 'before' | 'after-commit' }
  | { op: 'replay'; from: number }

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('call' as const),
      kind: fc.constantFrom<CallKind>('paid', 'free', 'blocked', 'ai', 'anonymous'),
      reuseRequestId: fc.boolean(),
      hoursAgo: fc.integer({ min: 0, max: 2 }),
      latencyMs: fc.double({ min: 0.1, max: 900, noNaN: true }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'flush' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('fail' as const), mode: fc.constantFrom('before', 'after-commit') }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replay' as const), from: fc.nat() }) },
)

/**
 * A sink that fails the writes it is told to, in the two ways a write can fail. Closing it leaves
 * `inner` open: one inner sink serves every run of a property (a writer thread started once, not
 * once per run), and the test closes it at the end.
 */
function scriptedSink(inner: BatchSink): BatchSink & { failures: Array<'before' | 'after-commit'> } {
  const failures: Array<'before' | 'after-commit'> = []
  return {
    failures,
    async write(calls) {
      const mode = failures.shift()
      if (mode === 'before') throw new Error('database is locked (simulated)')
      const written = await inner.write(calls)
      if (mode === 'after-commit') throw new Error('connection lost before the acknowledgement (simulated)')
      return written
    },
    close: async () => {},
  }
}

function callRecord(
  kind: CallKind,
  ids: { owner: string; consumer: string; incident: string },
  op: Extract<Op, { op: 'call' }>,
  requestId: string,
): InvocationRecord {
  const createdAt = Date.now() - op.hoursAgo * 3_600_000
  const consumer = kind === 'anonymous' ? null : ids.consumer
  return {
    requestId,
    createdAt,
    ownerTeamId: ids.owner,
    consumerTeamId: consumer,
    apiId: `api_${ids.owner}`,
    versionId: 'ver_1',
    keyId: null,
    subscriptionId: consumer && `sub_${ids.owner}`,
    method: 'GET',
    path: '/gw/acme/weather/v1/now',
    status: kind === 'blocked' ? 402 : kind === 'anonymous' ? 401 : 200,
    errorCode: kind === 'blocked' ? 'insufficient_balance' : kind === 'anonymous' ? 'invalid_key' : null,
    latencyMs: op.latencyMs,
    upstreamMs: null,
    requestBytes: 0,
    responseBytes: 10,
    inputTokens: kind === 'ai' ? 12 : 0,
    outputTokens: kind === 'ai' ? 30 : 0,
    costMicros: kind === 'paid' || kind === 'ai' ? PRICE : 0n,
    incidentId: kind === 'blocked' ? ids.incident : null,
    planId: 'plan_1',
    billable: kind === 'paid' || kind === 'free' || kind === 'ai',
    blockedMicros: kind === 'blocked' ? PRICE : 0n,
    chargeLabel: 'acme/weather v1',
    model: kind === 'ai' ? 'demo-gpt' : null,
    provider: kind === 'ai' ? 'openai-main' : null,
  }
}

async function runScenario(inner: BatchSink, ops: Op[], sampling: SamplingOptions | null = null): Promise<void> {
  const team = await createTestTeam({ billingAccount: { balanceMicros: INITIAL } }, testDb.db)
  await testDb.db.ledgerEntry.create({
    data: {
      id: `led_prop_${team.id}`,
      teamId: team.id,
      kind: 'TOP_UP',
      amountMicros: INITIAL,
      idempotencyKey: `top_${team.id}`,
    },
  })
  const ids = { owner: `own_${++run}_${team.id}`, consumer: team.id, incident: `pi_prop_${team.id}` }
  const sink = scriptedSink(inner)
  const writer = new InvocationWriter(sink, { sampling })
  const recorded: MeteredCall[] = []
  for (const op of ops) {
    if (op.op === 'call') {
      const reused = op.reuseRequestId && recorded.length > 0 ? recorded[recorded.length - 1].requestId : null
      const record = callRecord(op.kind, ids, op, reused ?? `req_${ids.owner}_${recorded.length}`)
      writer.record(record)
      recorded.push(record as MeteredCall)
    } else if (op.op === 'flush') await writer.flush()
    else if (op.op === 'fail') sink.failures.push(op.mode)
    else if (recorded.length > 0) {
      // A sequenced stream is replayed as a spool replays it: in order, from its first call on.
      const replayed = sampling
        ? recorded.slice(0, 1 + (op.from % recorded.length))
        : recorded.slice(op.from % recorded.length)
      await inner.write(replayed)
    }
  }
  await writer.close()

  const count = (kind: CallKind) => recorded.filter((r) => callKind(r) === kind).length
  const rows = await testDb.db.invocation.findMany({ where: { ownerTeamId: ids.owner }, select: { id: true } })
  const logged = recorded.filter((r) => !r.rowSampledOut)
  expect(rows.length).toBe(logged.length)
  expect(new Set(rows.map((r) => r.id))).toEqual(new Set(logged.map((r) => r.id)))
  // Errors, 402s and incident calls always keep their row.
  expect(recorded.filter((r) => r.rowSampledOut && (r.status >= 400 || r.incidentId !== null))).toEqual([])

  const usage = await testDb.db.usageRollup.aggregate({
    where: { ownerTeamId: ids.owner },
    _sum: { calls: true, blocked402: true, latencySumMs: true },
  })
  expect(usage._sum.calls ?? 0).toBe(recorded.length)
  expect(usage._sum.blocked402 ?? 0).toBe(count('blocked'))
  expect(usage._sum.latencySumMs ?? 0).toBeCloseTo(
    recorded.reduce((s, r) => s + r.latencyMs, 0),
    6,
  )
  const latency = await testDb.db.latencyRollup.aggregate({ where: { ownerTeamId: ids.owner }, _sum: { calls: true } })
  expect(latency._sum.calls ?? 0).toBe(recorded.length)
  const ai = await testDb.db.aiUsageRollup.aggregate({
    where: { ownerTeamId: ids.owner },
    _sum: { calls: true, outputTokens: true },
  })
  expect(ai._sum.calls ?? 0).toBe(count('ai'))
  expect(ai._sum.outputTokens ?? 0).toBe(30 * count('ai'))

  const charged = BigInt(count('paid') + count('ai')) * PRICE
  const charges = await testDb.db.ledgerEntry.aggregate({
    where: { teamId: team.id, kind: 'CHARGE' },
    _sum: { amountMicros: true },
  })
  expect(-(charges._sum.amountMicros ?? 0n)).toBe(charged)
  const account = await testDb.db.billingAccount.findUniqueOrThrow({ where: { teamId: team.id } })
  expect(account.balanceMicros).toBe(INITIAL - charged)
  const entries = await testDb.db.ledgerEntry.aggregate({ where: { teamId: team.id }, _sum: { amountMicros: true } })
  expect(entries._sum.amountMicros).toBe(account.balanceMicros)
  const quota = await testDb.db.subscriptionUsage.aggregate({
    where: { subscriptionId: `sub_${ids.owner}` },
    _sum: { calls: true },
  })
  expect(quota._sum.calls ?? 0).toBe(count('paid') + count('free') + count('ai'))

  const incident = await testDb.db.paymentIncident.findUnique({ where: { id: ids.incident } })
  expect(incident?.blockedCalls ?? 0).toBe(count('blocked'))
  expect(incident?.blockedRevenueMicros ?? 0n).toBe(BigInt(count('blocked')) * PRICE)
  const opened = await testDb.db.notification.count({ where: { teamId: team.id, kind: 'payment_incident.opened' } })
  expect(opened).toBe(count('blocked') > 0 ? 1 : 0)
  const payments = await testDb.db.paymentRollup.aggregate({
    where: { ownerTeamId: ids.owner },
    _sum: { blockedCalls: true },
  })
  expect(payments._sum.blockedCalls ?? 0).toBe(count('blocked'))
}

/** The named sink for all the runs of one property, closed when they are done. */
async function withSink(sinkName: SinkName, runs: (inner: BatchSink) => Promise<void>): Promise<void> {
  const inner = testSink(testDb, sinkName)
  try {
    await runs(inner)
  } finally {
    await inner.close()
  }
}

function callKind(r: InvocationRecord): CallKind {
  if (r.status === 401) return 'anonymous'
  if (r.status === 402) return 'blocked'
  if (r.model) return 'ai'
  return r.costMicros > 0n ? 'paid' : 'free'
}

test.each(TEST_SINKS)(
  '%s: any interleaving of calls, retries, failed flushes and replays writes everything exactly once',
  async (sinkName) => {
    await withSink(sinkName, (inner) =>
      fc.assert(
        fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 30 }), (ops) => runScenario(inner, ops)),
        { numRuns: 15 },
      ),
    )
  },
  300_000,
)

test.each(TEST_SINKS)(
  '%s, raw log sampled: any interleaving still writes every rollup increment and charge exactly once',
  async (sinkName) => {
    const sampled = fc.array(opArbitrary, { minLength: 1, maxLength: 30 })
    await withSink(sinkName, (inner) =>
      fc.assert(
        fc.asyncProperty(sampled, (ops) => runScenario(inner, ops, { abovePerSecond: 2, oneIn: 3 })),
        { numRuns: 15 },
      ),
    )
  },
  300_000,
)
