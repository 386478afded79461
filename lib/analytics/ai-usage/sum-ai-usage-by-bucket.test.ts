import { afterAll, beforeAll, expect, test } from 'vitest'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import { createId } from '@/lib/ids'
import { createBatchSink, InvocationWriter } from '@/lib/metering/invocation-writer'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { DAY_MS, HOUR_MS, resolveDashboardWindow, type DashboardWindow } from '../dashboard-window'
import { getAiReliabilityOverTime } from './get-ai-reliability-over-time'
import { getAiTokensOverTime } from './get-ai-tokens-over-time'
import { getAiUsageSummary } from './get-ai-usage-summary'
import { sumAiUsageByBucket, type AiUsageBucketSums } from './sum-ai-usage-by-bucket'

// A 30-day window is grouped per UTC day in SQL, a week per hour: on the same calls, every day's
// point must equal the sum of its 24 hours, and both series the summary's totals, so switching
// the grouping can never move or lose a call, a token or a micro-unit.

let testDb: TestDatabase
const now = new Date()
const days = resolveDashboardWindow('30d', now)
// The same interval per hour: what the charts would show if they read 720 hour rows.
const hours: DashboardWindow = {
  ...days,
  granularity: 'hour',
  buckets: Array.from(
    { length: (days.to.getTime() - days.from.getTime()) / HOUR_MS },
    (_, i) => new Date(days.from.getTime() + i * HOUR_MS),
  ),
}
let owner = ''
let consumer = ''

beforeAll(async () => {
  testDb = await setupTestDatabase()
  owner = (await createTestTeam({ label: 'owner' })).id
  consumer = (await createTestTeam({ label: 'consumer' })).id
  const api = await testDb.db.api.create({
    data: { id: createId('api'), teamId: owner, slug: 'assistant', name: 'Assistant', kind: 'AI_CHAT' },
  })
  const writer = new InvocationWriter(createBatchSink(testDb.db, testDb.url))
  const dayStart = days.from.getTime()
  // Each day's first and last millisecond, noon, and a call outside the window on each side.
  const instants = [dayStart - 1, days.to.getTime()]
  for (const day of [0, 1, 13, 28]) {
    const start = dayStart + day * DAY_MS
    instants.push(start, start + DAY_MS - 1, start + 12 * HOUR_MS + 7)
  }
  instants.forEach((createdAt, i) => writer.record(call({ requestId: `sum-${i}`, createdAt, apiId: api.id, i })))
  await writer.close()
})
afterAll(async () => testDb?.cleanup())

function call({ i, ...overrides }: Partial<InvocationRecord> & { i: number }): InvocationRecord {
  const fallback = i % 3 === 1
  const failed = i % 5 === 4
  return {
    requestId: '',
    createdAt: 0,
    ownerTeamId: owner,
    consumerTeamId: consumer,
    apiId: null,
    versionId: 'ver_ai',
    keyId: null,
    subscriptionId: null,
    method: 'POST',
    path: '/gw/o/assistant/v1/chat/completions',
    status: failed ? 502 : 200,
    errorCode: failed ? 'upstream_unreachable' : null,
    latencyMs: 500,
    upstreamMs: 490,
    requestBytes: 10,
    responseBytes: 10,
    inputTokens: 100 + i,
    outputTokens: 10 * i,
    // Above 2^53 in total, so a float anywhere on the way would lose micro-units.
    costMicros: 3_000_000_000_000_001n * BigInt(i + 1),
    incidentId: null,
    planId: null,
    billable: false,
    blockedMicros: 0n,
    chargeLabel: null,
    model: i % 2 === 0 ? 'chat' : 'mini',
    provider: failed ? null : 'gpt-main',
    usageEstimated: false,
    attempts: fallback ? 2 : 1,
    ttftMs: null,
    ...overrides,
  }
}

const costOf = (groups: AiUsageBucketSums[], model?: string) =>
  groups.filter((g) => model === undefined || g.model === model).reduce((s, g) => s + g.costMicros, 0n)
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0)

for (const view of ['owner', 'consumer'] as const) {
  test(`${view}: each day's point is the sum of its hours, and the series the summary's totals`, async () => {
    const scope = { teamId: view === 'owner' ? owner : consumer }
    const summary = await getAiUsageSummary(scope, { view, window: days })
    expect(summary.calls).toBe(12)
    const [byDay, byHour] = await Promise.all(
      [days, hours].map((window) => getAiTokensOverTime(scope, { view, window })),
    )
    expect(byDay).toHaveLength(30)
    expect(byHour).toHaveLength(720)
    for (const [d, point] of byDay.entries()) {
      const dayHours = byHour.slice(d * 24, d * 24 + 24)
      expect(dayHours[0].from).toBe(point.from)
      expect(dayHours[23].to).toBe(point.to)
      for (const key of ['calls', 'inputTokens', 'outputTokens'] as const)
        expect(sum(dayHours.map((h) => h[key]))).toBe(point[key])
    }
    expect(byDay.filter((p) => p.calls > 0).map((p) => p.calls)).toEqual([3, 3, 3, 3])
    for (const series of [byDay, byHour]) {
      expect(sum(series.map((p) => p.calls))).toBe(summary.calls)
      expect(sum(series.map((p) => p.inputTokens))).toBe(summary.inputTokens)
      expect(sum(series.map((p) => p.outputTokens))).toBe(summary.outputTokens)
    }

    const [reliabilityByDay, reliabilityByHour] = await Promise.all(
      [days, hours].map((window) => getAiReliabilityOverTime(scope, { view, window })),
    )
    for (const series of [reliabilityByDay, reliabilityByHour]) {
      expect(sum(series.map((p) => p.fallback))).toBe(summary.fallbackCalls)
      expect(sum(series.map((p) => p.failed))).toBe(summary.failedCalls)
      expect(sum(series.map((p) => p.firstTry + p.fallback + p.failed))).toBe(summary.calls)
    }

    // Cost per model as the cost chart reads it, in exact micro-units (the chart plots numbers).
    const [costByDay, costByHour] = await Promise.all(
      [days, hours].map((window) => sumAiUsageByBucket(scope, { view, window }, { byModel: true })),
    )
    expect(new Set(costByDay.map((g) => g.bucket.getTime() % DAY_MS))).toEqual(new Set([0]))
    for (const model of ['chat', 'mini']) expect(costOf(costByDay, model)).toBe(costOf(costByHour, model))
    expect(costOf(costByDay)).toBe(summary.costMicros)
  })
}
