import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import { hourStart } from '@/lib/metering/rollup-buckets'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { seedLargeUsage } from './seed-large-usage'

// seedLargeUsage on a small world: the rollups it writes must equal what the call log adds up to,
// key by key, exactly as the gateway's writer would have summed them.

let cleanup: () => Promise<void>
const NOW = new Date('2026-11-24T15:20:00Z')

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  const team = (label: string) => createTestTeam({ label, name: label })
  const [owner, consumerA, consumerB] = await Promise.all([team('owner'), team('consumer-a'), team('consumer-b')])
  for (const [slug, kind] of [
    ['orders', 'REST'],
    ['chat', 'AI_CHAT'],
  ] as const) {
    const api = await db.api.create({
      data: { id: createId('api'), teamId: owner.id, slug, name: slug, kind, state: 'PUBLISHED' },
    })
    for (const [version, state] of [
      ['v1', 'DEPRECATED'],
      ['v2', 'PUBLISHED'],
      ['v3', 'DRAFT'],
    ] as const) {
      await db.apiVersion.create({
        data: {
          id: createId('ver'),
          apiId: api.id,
          teamId: owner.id,
          version,
          major: Number(version[1]),
          state,
          openapi: '{}',
          upstreamUrl: 'http://x',
        },
      })
    }
    const plan = await db.plan.create({
      data: {
        id: createId('plan'),
        apiId: api.id,
        teamId: owner.id,
        name: 'Paid',
        paid: true,
        pricePerCallMicros: 1_500n,
      },
    })
    for (const consumer of [consumerA, consumerB]) {
      await db.subscription.create({
        data: {
          id: createId('sub'),
          apiId: api.id,
          planId: plan.id,
          ownerTeamId: owner.id,
          consumerTeamId: consumer.id,
          state: 'ACTIVE',
        },
      })
    }
  }
  await db.apiKey.create({
    data: { id: createId('key'), teamId: consumerA.id, name: 'k', prefix: 'tg_live_aaaaaa', hash: randomToken(40) },
  })
})
afterAll(async () => cleanup?.())

async function rollupsMatchLog() {
  const calls = await db.invocation.findMany({
    select: {
      createdAt: true,
      ownerTeamId: true,
      consumerTeamId: true,
      apiId: true,
      versionId: true,
      status: true,
      costMicros: true,
    },
  })
  const expected = new Map<string, { calls: number; blocked402: number; costMicros: bigint }>()
  for (const c of calls) {
    const key = [
      hourStart(c.createdAt.getTime()),
      c.ownerTeamId ?? '',
      c.consumerTeamId ?? '',
      c.apiId ?? '',
      c.versionId ?? '',
      Math.floor(c.status / 100),
    ].join('|')
    const e = expected.get(key) ?? { calls: 0, blocked402: 0, costMicros: 0n }
    e.calls++
    if (c.status === 402) e.blocked402++
    e.costMicros += c.costMicros
    expected.set(key, e)
  }
  const rollups = await db.usageRollup.findMany()
  const actual = new Map(
    rollups.map((u) => [
      [u.hour.getTime(), u.ownerTeamId, u.consumerTeamId, u.apiId, u.versionId, u.statusClass].join('|'),
      { calls: u.calls, blocked402: u.blocked402, costMicros: u.costMicros },
    ]),
  )
  expect(actual).toEqual(expected)
  const latency = await db.latencyRollup.aggregate({ _sum: { calls: true } })
  expect(latency._sum.calls).toBe(calls.length)
  return calls
}

test('2,000 calls: rollup totals equal the call log, key by key', async () => {
  const result = await seedLargeUsage(db, { invocations: 2_000, now: NOW })
  expect(result.invocations).toBe(2_000)
  // 2 APIs × 2 live versions (drafts are never called) × 2 subscribers.
  expect(result.routes).toBe(8)

  const calls = await rollupsMatchLog()
  expect(calls).toHaveLength(2_000)
  expect(calls.every((c) => c.createdAt <= NOW && c.createdAt.getTime() >= NOW.getTime() - 30 * 86_400_000)).toBe(true)

  const share = (keep: (status: number) => boolean) => calls.filter((c) => keep(c.status)).length / calls.length
  expect(share((s) => s < 300)).toBeGreaterThan(0.8)
  expect(share((s) => s >= 400 && s < 500)).toBeGreaterThan(0.005)
  expect(share((s) => s >= 500)).toBeGreaterThan(0.001)
  expect(calls.some((c) => c.status === 402)).toBe(true)
  // Failed calls are never charged.
  expect(calls.filter((c) => c.status >= 400).every((c) => c.costMicros === 0n)).toBe(true)
  expect(calls.some((c) => c.costMicros === 1_500n)).toBe(true)
})

test('402 episodes: incidents in both states whose counters, like the 402 rollups, equal the refused calls', async () => {
  const before = await db.invocation.count()
  const refusedBefore = await db.invocation.count({ where: { status: 402 } })
  const result = await seedLargeUsage(db, {
    invocations: 3_000,
    now: NOW,
    seed: 11,
    paymentEpisodes: 16,
    blockedShare: 0.04,
  })
  const refused = await db.invocation.findMany({
    where: { status: 402 },
    select: { incidentId: true, errorCode: true, createdAt: true, consumerTeamId: true, apiId: true },
  })
  expect(result.blocked).toBe(refused.length - refusedBefore)
  // Roughly the share asked for (the window is weighted by time of day, so not exactly).
  expect(refused.length / (before + 3_000)).toBeGreaterThan(0.01)
  expect(refused.length / (before + 3_000)).toBeLessThan(0.1)
  const incidents = await db.paymentIncident.findMany()
  expect(incidents.length).toBeGreaterThanOrEqual(result.paymentIncidents)
  expect(new Set(incidents.map((i) => i.state))).toEqual(new Set(['OPEN', 'RESOLVED']))
  for (const incident of incidents) {
    const calls = refused.filter((c) => c.incidentId === incident.id)
    expect(calls.length, incident.id).toBe(incident.blockedCalls)
    expect(
      calls.every(
        (c) =>
          c.errorCode === incident.cause && c.consumerTeamId === incident.consumerTeamId && c.apiId === incident.apiId,
      ),
    ).toBe(true)
    expect(Math.min(...calls.map((c) => c.createdAt.getTime()))).toBe(incident.firstSeenAt.getTime())
    expect(Math.max(...calls.map((c) => c.createdAt.getTime()))).toBe(incident.lastSeenAt.getTime())
    // 1,500 micros per refused call on the test plan: the revenue the owner did not get.
    expect(incident.blockedRevenueMicros).toBe(1_500n * BigInt(incident.blockedCalls))
    if (incident.state === 'RESOLVED') expect(incident.resolution).toMatch(/^Resolved/)
    else expect([incident.resolvedAt, incident.resolution]).toEqual([null, null])
  }
  const rollups = await db.paymentRollup.findMany()
  expect(rollups.reduce((sum, r) => sum + r.blockedCalls, 0)).toBe(refused.length)
  for (const cause of new Set(refused.map((c) => c.errorCode))) {
    expect(rollups.filter((r) => r.cause === cause).reduce((sum, r) => sum + r.blockedCalls, 0)).toBe(
      refused.filter((c) => c.errorCode === cause).length,
    )
  }
  await rollupsMatchLog()
})

test('a second run adds to the rollup rows that already exist', async () => {
  const before = await db.usageRollup.aggregate({ _sum: { calls: true } })
  await seedLargeUsage(db, { invocations: 500, now: NOW, seed: 7 })
  const after = await db.usageRollup.aggregate({ _sum: { calls: true } })
  expect((after._sum.calls ?? 0) - (before._sum.calls ?? 0)).toBe(500)
  expect(await rollupsMatchLog()).toHaveLength(5_500)
})

test('AI traffic: the AI rollups equal what the AI calls in the log add up to', async () => {
  const ai = await db.invocation.findMany({
    where: { model: { not: null } },
    select: { provider: true, status: true, inputTokens: true, costMicros: true, attempts: true, ttftMs: true },
  })
  expect(ai.length).toBeGreaterThan(100)
  const counted = ai.filter((c) => c.provider !== null || c.status >= 500)
  const served = ai.filter((c) => c.provider !== null && c.status < 500)
  const usage = await db.aiUsageRollup.aggregate({
    _sum: { calls: true, inputTokens: true, costMicros: true, fallbackCalls: true, failedCalls: true },
  })
  expect(usage._sum.calls).toBe(counted.length)
  expect(usage._sum.inputTokens).toBe(counted.reduce((s, c) => s + c.inputTokens, 0))
  expect(usage._sum.costMicros).toBe(counted.reduce((s, c) => s + c.costMicros, 0n))
  expect(usage._sum.failedCalls).toBe(counted.filter((c) => c.status >= 500).length)
  expect(usage._sum.fallbackCalls).toBe(served.filter((c) => c.attempts > 1).length)
  expect(usage._sum.fallbackCalls).toBeGreaterThan(0)
  const latency = await db.aiLatencyRollup.aggregate({ _sum: { latencyCalls: true, ttftCalls: true } })
  expect(latency._sum.latencyCalls).toBe(served.length)
  expect(latency._sum.ttftCalls).toBe(served.filter((c) => c.ttftMs !== null).length)
})
