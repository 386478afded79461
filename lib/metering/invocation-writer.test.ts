import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { InvocationRecord } from '../gateway/invocation-record'
import { createBatchSink, InvocationWriter } from './invocation-writer'
import { flakySink, SINK_FAILURES, TEST_SINKS, testSink, type SinkName } from './testing/test-sinks'
import { pruneInvocations } from './prune-invocations'
import { hourStart } from './rollup-buckets'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// The batched writer against a real database, through every sink its engine has (on SQLite the
// writer thread and Prisma; on PostgreSQL Prisma, as in production, since the thread is SQLite's):
// rows, hourly rollups, latency histograms, lastUsedAt, and no loss or double counting when a
// flush fails.

const SINKS = TEST_SINKS
const sinkFor = (name: SinkName) => testSink(testDb, name)

let testDb: TestDatabase
let seq = 0

beforeAll(async () => {
  testDb = await setupTestDatabase()
})
afterAll(async () => {
  await testDb?.cleanup()
})
beforeEach(async () => {
  await testDb.db.invocation.deleteMany()
  await testDb.db.usageRollup.deleteMany()
  await testDb.db.latencyRollup.deleteMany()
})

function record(overrides: Partial<InvocationRecord> = {}): InvocationRecord {
  return {
    requestId: `req-${++seq}`,
    createdAt: Date.now(),
    ownerTeamId: 'team_owner',
    consumerTeamId: 'team_consumer',
    apiId: 'api_1',
    versionId: 'ver_1',
    keyId: null,
    subscriptionId: 'sub_1',
    method: 'GET',
    path: '/gw/a/b/v1/x',
    status: 200,
    errorCode: null,
    latencyMs: 3,
    upstreamMs: 2,
    requestBytes: 0,
    responseBytes: 10,
    inputTokens: 0,
    outputTokens: 0,
    costMicros: 0n,
    incidentId: null,
    planId: null,
    billable: false,
    blockedMicros: 0n,
    chargeLabel: null,
    ...overrides,
  }
}

test.each(SINKS)(
  '%s: a flush writes every row and sums rollups per hour, status class and latency bucket',
  async (sink) => {
    const writer = new InvocationWriter(sinkFor(sink))
    const at = Date.UTC(2026, 10, 24, 15, 20)
    for (let i = 0; i < 5; i++) writer.record(record({ createdAt: at, latencyMs: 4 }))
    writer.record(
      record({
        createdAt: at,
        status: 404,
        errorCode: 'route_not_found',
        ownerTeamId: null,
        consumerTeamId: null,
        apiId: null,
        versionId: null,
        latencyMs: 0.4,
      }),
    )
    writer.record(record({ createdAt: at, status: 502, latencyMs: 700 }))
    await writer.flush()
    // A second batch in the same hour increments the same rollup rows.
    writer.record(record({ createdAt: at + 60_000, latencyMs: 5 }))
    await writer.close()

    expect(await testDb.db.invocation.count()).toBe(8)
    const usage = await testDb.db.usageRollup.findMany({ orderBy: { statusClass: 'asc' } })
    expect(usage.map((u) => [u.statusClass, u.calls, u.ownerTeamId])).toEqual([
      [2, 6, 'team_owner'],
      [4, 1, ''],
      [5, 1, 'team_owner'],
    ])
    expect(usage[0].hour.getTime()).toBe(hourStart(at))
    expect(usage[0].latencySumMs).toBeCloseTo(25)
    const latency = await testDb.db.latencyRollup.findMany({ orderBy: { bucketMs: 'asc' } })
    expect(latency.map((l) => [l.bucketMs, l.calls])).toEqual([
      [1, 1],
      [5, 6],
      [1000, 1],
    ])
  },
)

test.each(SINKS)('%s: a key used in a batch gets lastUsedAt once, at its latest call', async (sink) => {
  const team = await createTestTeam({}, testDb.db)
  const key = await testDb.db.apiKey.create({
    data: { id: `key_${++seq}`, teamId: team.id, name: 'k', prefix: 'tg_test_x', hash: `h${seq}` },
  })
  const writer = new InvocationWriter(sinkFor(sink))
  writer.record(record({ keyId: key.id, createdAt: 1_700_000_000_000 }))
  writer.record(record({ keyId: key.id, createdAt: 1_700_000_005_000 }))
  await writer.close()
  const row = await testDb.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })
  expect(row.lastUsedAt?.getTime()).toBe(1_700_000_005_000)
})

test.each(SINK_FAILURES)(
  '$sink: a failed flush ($mode) is retried: no row lost, none doubled',
  async ({ sink, mode }) => {
    const writer = new InvocationWriter(flakySink(sinkFor(sink), mode))
    for (let i = 0; i < 20; i++) writer.record(record())
    await writer.flush()
    expect(writer.pending).toBe(20)
    await writer.close()
    expect(writer.pending).toBe(0)
    expect(await testDb.db.invocation.count()).toBe(20)
    const usage = await testDb.db.usageRollup.findMany()
    expect(usage.reduce((sum, u) => sum + u.calls, 0)).toBe(20)
  },
)

test.each(SINKS)('%s: a repeated client X-Request-Id keeps every call', async (sink) => {
  const writer = new InvocationWriter(sinkFor(sink))
  writer.record(record({ requestId: 'same-id' }))
  writer.record(record({ requestId: 'same-id' }))
  await writer.flush()
  writer.record(record({ requestId: 'same-id' }))
  await writer.close()
  const rows = await testDb.db.invocation.findMany({ where: { requestId: { startsWith: 'same-id' } } })
  expect(rows).toHaveLength(3)
})

test.each(SINKS)('%s: batches are capped at maxBatch rows per transaction', async (sink) => {
  const writer = new InvocationWriter(sinkFor(sink), { maxBatch: 50 })
  for (let i = 0; i < 180; i++) writer.record(record())
  await writer.close()
  expect(await testDb.db.invocation.count()).toBe(180)
  expect(writer.written).toBe(180)
})

test('pruning removes invocations older than the retention period only', async () => {
  // The sink the gateway uses on this engine.
  const writer = new InvocationWriter(createBatchSink(testDb.db, testDb.url))
  const now = Date.now()
  writer.record(record({ requestId: 'old', createdAt: now - 31 * 86_400_000 }))
  writer.record(record({ requestId: 'recent', createdAt: now - 29 * 86_400_000 }))
  await writer.close()
  expect(await pruneInvocations(testDb.db, 30, now)).toBe(1)
  expect((await testDb.db.invocation.findMany()).map((r) => r.requestId)).toEqual(['recent'])
  // Rollups are kept: dashboards still show the old hour.
  expect(await testDb.db.usageRollup.count()).toBe(2)
})

test.each(SINK_FAILURES)(
  '$sink: charges, usage and incidents are written with their calls, once, even when a flush is retried ($mode)',
  async ({ sink, mode }) => {
    const team = await createTestTeam({ billingAccount: { balanceMicros: 10_000n } }, testDb.db)
    await testDb.db.ledgerEntry.create({
      data: { id: `led_${seq}`, teamId: team.id, kind: 'TOP_UP', amountMicros: 10_000n, idempotencyKey: `top_${seq}` },
    })
    const subscriptionId = `sub_${seq}`
    const incidentId = `pi_${seq}`
    const writer = new InvocationWriter(flakySink(sinkFor(sink), mode))
    const paid = {
      consumerTeamId: team.id,
      subscriptionId,
      billable: true,
      costMicros: 1_000n,
      planId: 'plan_1',
      chargeLabel: 'acme/weather v1',
    }
    for (let i = 0; i < 3; i++) writer.record(record(paid))
    writer.record(record({ ...paid, costMicros: 0n }))
    for (let i = 0; i < 2; i++) {
      writer.record(
        record({
          consumerTeamId: team.id,
          subscriptionId,
          status: 402,
          errorCode: 'insufficient_balance',
          incidentId,
          blockedMicros: 1_000n,
        }),
      )
    }
    await writer.close()

    const account = await testDb.db.billingAccount.findUniqueOrThrow({ where: { teamId: team.id } })
    expect(account.balanceMicros).toBe(7_000n)
    const charges = await testDb.db.ledgerEntry.findMany({ where: { teamId: team.id, kind: 'CHARGE' } })
    expect(charges).toHaveLength(1)
    expect(charges[0]).toMatchObject({
      amountMicros: -3_000n,
      description: '3 calls to acme/weather v1',
      planId: 'plan_1',
    })
    expect(account.spendMicros).toBe(3_000n)
    const usage = await testDb.db.subscriptionUsage.findFirstOrThrow({ where: { subscriptionId } })
    expect(usage.calls).toBe(4)
    const incident = await testDb.db.paymentIncident.findUniqueOrThrow({ where: { id: incidentId } })
    expect(incident).toMatchObject({
      state: 'OPEN',
      cause: 'insufficient_balance',
      blockedCalls: 2,
      blockedRevenueMicros: 2_000n,
    })
    const rollup = await testDb.db.paymentRollup.findFirstOrThrow({ where: { consumerTeamId: team.id } })
    expect(rollup).toMatchObject({ cause: 'insufficient_balance', blockedCalls: 2 })
    expect(await testDb.db.notification.count({ where: { teamId: team.id, kind: 'payment_incident.opened' } })).toBe(1)
  },
)
