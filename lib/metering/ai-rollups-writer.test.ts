import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { InvocationRecord } from '../gateway/invocation-record'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'
import { InvocationWriter } from './invocation-writer'
import { flakySink, SINK_FAILURES, TEST_SINKS, testSink, type SinkName } from './testing/test-sinks'
import { hourStart } from './rollup-buckets'

// The AI rollups through every sink of the engine (SQLite: the writer thread and Prisma;
// PostgreSQL: Prisma): AiUsageRollup counters and the AiLatencyRollup latency / TTFT histograms
// per model and provider, exact when a flush is retried after a failure before or after commit.

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
  await testDb.db.aiUsageRollup.deleteMany()
  await testDb.db.aiLatencyRollup.deleteMany()
})

const AT = Date.UTC(2026, 10, 24, 15, 20)

function aiCall(overrides: Partial<InvocationRecord> = {}): InvocationRecord {
  return {
    requestId: `ai-req-${++seq}`,
    createdAt: AT,
    ownerTeamId: 'team_owner',
    consumerTeamId: 'team_consumer',
    apiId: 'api_ai',
    versionId: 'ver_ai',
    keyId: null,
    subscriptionId: 'sub_ai',
    method: 'POST',
    path: '/gw/acme/assistant/v1/chat/completions',
    status: 200,
    errorCode: null,
    latencyMs: 800,
    upstreamMs: 790,
    requestBytes: 200,
    responseBytes: 900,
    inputTokens: 100,
    outputTokens: 40,
    costMicros: 440n,
    incidentId: null,
    planId: 'plan_ai',
    billable: false,
    blockedMicros: 0n,
    chargeLabel: null,
    model: 'demo-gpt',
    provider: 'demo-gpt',
    usageEstimated: false,
    attempts: 1,
    ttftMs: null,
    ...overrides,
  }
}

/** Six calls of one hour: streamed and not, a fallback to another provider model, an estimate, a failure. */
function mixedCalls(): InvocationRecord[] {
  return [
    aiCall({ latencyMs: 800, ttftMs: 150 }),
    aiCall({ latencyMs: 1_500, ttftMs: 400 }),
    aiCall({ latencyMs: 700 }),
    aiCall({ latencyMs: 3_000, provider: 'demo-gpt-backup', attempts: 2, ttftMs: 1_200 }),
    aiCall({ latencyMs: 900, usageEstimated: true }),
    aiCall({
      status: 502,
      errorCode: 'upstream_unreachable',
      provider: null,
      latencyMs: 30,
      inputTokens: 0,
      outputTokens: 0,
      costMicros: 0n,
    }),
  ]
}

async function histograms() {
  const rows = await testDb.db.aiLatencyRollup.findMany({ orderBy: [{ provider: 'asc' }, { bucketMs: 'asc' }] })
  return rows.map((r) => [r.provider, r.bucketMs, r.latencyCalls, r.ttftCalls])
}

const EXPECTED_HISTOGRAMS = [
  // demo-gpt: latencies 800, 1500, 700, 900 → buckets 1000 ×3, 2000 ×1; TTFT 150 → 200, 400 → 500.
  ['demo-gpt', 200, 0, 1],
  ['demo-gpt', 500, 0, 1],
  ['demo-gpt', 1_000, 3, 0],
  ['demo-gpt', 2_000, 1, 0],
  // The fallback that served: latency 3000 → 5000, TTFT 1200 → 2000.
  ['demo-gpt-backup', 2_000, 0, 1],
  ['demo-gpt-backup', 5_000, 1, 0],
]

test.each(SINKS)(
  '%s: AI calls add up to usage counters and latency / TTFT histograms per provider model',
  async (sink) => {
    const writer = new InvocationWriter(sinkFor(sink))
    for (const call of mixedCalls()) writer.record(call)
    await writer.close()

    const usage = await testDb.db.aiUsageRollup.findMany({ orderBy: { provider: 'asc' } })
    expect(
      usage.map((u) => [u.provider, u.calls, u.inputTokens, u.estimatedCalls, u.fallbackCalls, u.failedCalls]),
    ).toEqual([
      ['', 1, 0, 0, 0, 1],
      ['demo-gpt', 4, 400, 1, 0, 0],
      ['demo-gpt-backup', 1, 100, 0, 1, 0],
    ])
    expect(await histograms()).toEqual(EXPECTED_HISTOGRAMS)
    const rows = await testDb.db.aiLatencyRollup.findMany()
    expect(
      rows.every((r) => r.hour.getTime() === hourStart(AT) && r.model === 'demo-gpt' && r.apiId === 'api_ai'),
    ).toBe(true)
  },
)

test.each(SINKS)('%s: a second batch in the same hour adds to the same histogram rows', async (sink) => {
  const writer = new InvocationWriter(sinkFor(sink))
  writer.record(aiCall({ latencyMs: 800, ttftMs: 150 }))
  await writer.flush()
  writer.record(aiCall({ latencyMs: 850, ttftMs: 180, createdAt: AT + 60_000 }))
  await writer.close()
  expect(await histograms()).toEqual([
    ['demo-gpt', 200, 0, 2],
    ['demo-gpt', 1_000, 2, 0],
  ])
})

test.each(SINK_FAILURES)('$sink: a retried flush ($mode) counts every AI call once', async ({ sink, mode }) => {
  const writer = new InvocationWriter(flakySink(sinkFor(sink), mode))
  for (const call of mixedCalls()) writer.record(call)
  await writer.flush()
  expect(writer.pending).toBe(6)
  await writer.close()
  expect(await testDb.db.invocation.count()).toBe(6)
  expect(await histograms()).toEqual(EXPECTED_HISTOGRAMS)
  const usage = await testDb.db.aiUsageRollup.findMany()
  expect(usage.reduce((sum, u) => sum + u.calls, 0)).toBe(6)
})
