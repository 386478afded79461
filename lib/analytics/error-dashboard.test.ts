import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { resolveDashboardWindow } from './dashboard-window'
import { getLatencyPercentilesOverTime } from './get-latency-percentiles-over-time'
import { getStatusClassesOverTime } from './get-status-classes-over-time'
import { getTopFailingApis } from './get-top-failing-apis'
import { getUsageSummary } from './get-usage-summary'

// The error dashboard's queries against a real migrated database, seeded with rollups whose
// results we can work out by hand. Team A owns api1 (v1, v2) and api2, B owns api3; B calls A's
// APIs, A calls B's; C is unrelated and must see nothing.

const NOW = new Date('2026-11-24T15:20:00Z')
const H = 3_600_000
const hour = (hoursAgo: number) => new Date(Date.UTC(2026, 10, 24, 15) - hoursAgo * H)
const day = resolveDashboardWindow('24h', NOW)
const week = resolveDashboardWindow('7d', NOW)
const month = resolveDashboardWindow('30d', NOW)

let cleanup: () => Promise<void>
const t = { a: '', b: '', c: '' }
const ids = { api1: '', v1: '', v2: '', api2: '', api2v1: '', api3: '', api3v1: '' }

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  for (const key of ['a', 'b', 'c'] as const) {
    t[key] = (await createTestTeam({ label: key, name: `Team ${key.toUpperCase()}` })).id
  }
  const api = async (teamId: string, name: string, versions: string[]) => {
    const created = await db.api.create({
      data: { id: createId('api'), teamId, slug: name.toLowerCase().replace(/\s/g, '-'), name },
    })
    const versionIds = []
    for (const version of versions) {
      const v = await db.apiVersion.create({
        data: {
          id: createId('ver'),
          apiId: created.id,
          teamId,
          version,
          major: 1,
          openapi: '{}',
          upstreamUrl: 'http://x',
        },
      })
      versionIds.push(v.id)
    }
    return [created.id, ...versionIds]
  }
  ;[ids.api1, ids.v1, ids.v2] = await api(t.a, 'Payments', ['v1', 'v2'])
  ;[ids.api2, ids.api2v1] = await api(t.a, 'Weather', ['v1'])
  ;[ids.api3, ids.api3v1] = await api(t.b, 'Geocoding', ['v1'])

  const usage = (
    h: Date,
    owner: string,
    consumer: string,
    apiId: string,
    versionId: string,
    statusClass: number,
    calls: number,
    blocked402 = 0,
  ) => ({
    id: createId('ur'),
    hour: h,
    ownerTeamId: owner,
    consumerTeamId: consumer,
    apiId,
    versionId,
    statusClass,
    calls,
    blocked402,
    latencySumMs: calls * 10,
  })
  await db.usageRollup.createMany({
    data: [
      usage(hour(2), t.a, t.b, ids.api1, ids.v1, 2, 90),
      usage(hour(2), t.a, t.b, ids.api1, ids.v1, 5, 10),
      usage(hour(2), t.a, t.b, ids.api1, ids.v2, 4, 5, 2),
      usage(hour(1), t.a, t.b, ids.api2, ids.api2v1, 2, 100),
      usage(hour(1), t.a, t.b, ids.api2, ids.api2v1, 4, 1),
      // A 401 from an unknown key: the owner sees it, no consumer does.
      usage(hour(1), t.a, '', ids.api1, ids.v1, 4, 4),
      // Older than 24 h, inside 7 d and 30 d.
      usage(hour(30), t.a, t.b, ids.api2, ids.api2v1, 5, 1_000),
      // An API that never fails (anonymous calls, so no consumer view sees them).
      usage(hour(30), t.a, '', 'api_healthy', 'ver_healthy', 2, 500),
      // Team B's own API, called by A.
      usage(hour(2), t.b, t.a, ids.api3, ids.api3v1, 2, 7),
      usage(hour(2), t.b, t.a, ids.api3, ids.api3v1, 5, 3),
    ],
  })

  const latency = (h: Date, owner: string, consumer: string, apiId: string, bucketMs: number, calls: number) => ({
    id: createId('lr'),
    hour: h,
    ownerTeamId: owner,
    consumerTeamId: consumer,
    apiId,
    bucketMs,
    calls,
  })
  await db.latencyRollup.createMany({
    data: [
      // Hour -2: 50 calls in (5, 10], 40 in (10, 20], 10 in (50, 100], split over two rows of one bucket.
      latency(hour(2), t.a, t.b, ids.api1, 10, 30),
      latency(hour(2), t.a, '', ids.api1, 10, 20),
      latency(hour(2), t.a, t.b, ids.api1, 20, 40),
      latency(hour(2), t.a, t.b, ids.api1, 100, 10),
      latency(hour(1), t.a, t.b, ids.api2, 5, 100),
      // Team B's slow API must never leak into A's owner percentiles.
      latency(hour(2), t.b, t.a, ids.api3, 60_000, 10),
    ],
  })
})
afterAll(async () => cleanup?.())

describe('getStatusClassesOverTime', () => {
  test('counts calls per hour and status class, with zero-filled hours', async () => {
    const points = await getStatusClassesOverTime({ teamId: t.a }, { view: 'owner', window: day })
    expect(points).toHaveLength(24)
    const at = (h: number) => points.find((p) => p.from === hour(h).toISOString())
    expect(at(2)).toMatchObject({ '2xx': 90, '3xx': 0, '4xx': 5, '5xx': 10, total: 105, to: hour(1).toISOString() })
    expect(at(1)).toMatchObject({ '2xx': 100, '4xx': 5, '5xx': 0, total: 105 })
    expect(points.reduce((s, p) => s + p.total, 0)).toBe(210)
  })

  test('30 d sums hours into UTC days', async () => {
    const points = await getStatusClassesOverTime({ teamId: t.a }, { view: 'owner', window: month })
    expect(points).toHaveLength(30)
    expect(points.at(-1)).toMatchObject({ from: '2026-11-24T00:00:00.000Z', total: 210 })
    // 30 hours before 15:00 on the 24th is 09:00 on the 23rd.
    expect(points.at(-2)).toMatchObject({ from: '2026-11-23T00:00:00.000Z', '2xx': 500, '5xx': 1_000, total: 1_500 })
  })

  test('the consumer view counts the calls the team made, not the anonymous ones', async () => {
    const points = await getStatusClassesOverTime({ teamId: t.b }, { view: 'consumer', window: day })
    expect(points.reduce((s, p) => s + p.total, 0)).toBe(206)
  })
})

describe('getLatencyPercentilesOverTime', () => {
  test('computes p50/p95/p99 per hour from the merged histogram', async () => {
    const { points } = await getLatencyPercentilesOverTime({ teamId: t.a }, { view: 'owner', window: day })
    const h2 = points.find((p) => p.from === hour(2).toISOString())!
    expect(h2.calls).toBe(100)
    expect(h2.p50).toBeCloseTo(10)
    expect(h2.p95).toBeCloseTo(75)
    expect(h2.p99).toBeCloseTo(95)
    const h1 = points.find((p) => p.from === hour(1).toISOString())!
    expect(h1.p50).toBeCloseTo(3.5)
    expect(points.find((p) => p.from === hour(5).toISOString())).toMatchObject({ calls: 0, p50: null })
  })

  test('the window percentiles come from the summed histogram, not averaged hours', async () => {
    const { overall } = await getLatencyPercentilesOverTime({ teamId: t.a }, { view: 'owner', window: day })
    expect(overall.calls).toBe(200)
    expect(overall.p50).toBeCloseTo(5)
    expect(overall.p95).toBeCloseTo(20)
    expect(overall.p99).toBeCloseTo(90)
  })
})

describe('getUsageSummary', () => {
  test('totals, error rate and 402s for the window', async () => {
    const summary = await getUsageSummary({ teamId: t.a }, { view: 'owner', window: day })
    expect(summary).toMatchObject({ calls: 210, clientErrors: 10, serverErrors: 10, blocked402: 2, avgLatencyMs: 10 })
    expect(summary.errorRate).toBeCloseTo(20 / 210)
  })

  test('no calls: zero rate and no average', async () => {
    expect(await getUsageSummary({ teamId: t.c }, { view: 'owner', window: day })).toEqual({
      calls: 0,
      clientErrors: 0,
      serverErrors: 0,
      blocked402: 0,
      errorRate: 0,
      avgLatencyMs: null,
    })
  })
})

describe('getTopFailingApis', () => {
  test('orders APIs by failed calls and breaks them down by version', async () => {
    const top = await getTopFailingApis({ teamId: t.a }, { view: 'owner', window: day })
    expect(top.map((a) => [a.name, a.calls, a.clientErrors, a.serverErrors])).toEqual([
      ['Payments', 109, 9, 10],
      ['Weather', 101, 1, 0],
    ])
    expect(top[0].errorRate).toBeCloseTo(19 / 109)
    expect(top[0].versions.map((v) => [v.version, v.clientErrors + v.serverErrors])).toEqual([
      ['v1', 14],
      ['v2', 5],
    ])
  })

  test('a wider window changes the order: the old Weather outage counts over 7 d', async () => {
    const top = await getTopFailingApis({ teamId: t.a }, { view: 'owner', window: week })
    expect(top.map((a) => a.name)).toEqual(['Weather', 'Payments'])
    expect(top[0].serverErrors).toBe(1_000)
  })

  test('APIs without failures are left out', async () => {
    const top = await getTopFailingApis({ teamId: t.a }, { view: 'owner', window: week })
    expect(top.map((a) => a.apiId)).toEqual([ids.api2, ids.api1])
  })
})

describe('team scoping', () => {
  const all = (teamId: string, view: 'owner' | 'consumer') =>
    Promise.all([
      getStatusClassesOverTime({ teamId }, { view, window: month }),
      getLatencyPercentilesOverTime({ teamId }, { view, window: month }),
      getUsageSummary({ teamId }, { view, window: month }),
      getTopFailingApis({ teamId }, { view, window: month }),
    ])

  test("an unrelated team sees none of A's or B's traffic, as owner or as consumer", async () => {
    for (const view of ['owner', 'consumer'] as const) {
      const [classes, latency, summary, top] = await all(t.c, view)
      expect(classes.every((p) => p.total === 0)).toBe(true)
      expect(latency.overall.calls).toBe(0)
      expect(summary.calls).toBe(0)
      expect(top).toEqual([])
    }
  })

  test("B as owner sees only its own API, and A's owner rollups never show up in B's views", async () => {
    const [classes, latency, summary, top] = await all(t.b, 'owner')
    expect(summary.calls).toBe(10)
    expect(classes.reduce((s, p) => s + p['5xx'], 0)).toBe(3)
    expect(latency.overall).toMatchObject({ calls: 10, p50: expect.any(Number) })
    expect(latency.overall.p50!).toBeGreaterThan(30_000)
    expect(top.map((a) => a.name)).toEqual(['Geocoding'])
    // As a consumer B sees its calls to A, never A's anonymous 401s.
    const consumer = await getUsageSummary({ teamId: t.b }, { view: 'consumer', window: month })
    expect(consumer.calls).toBe(1_206)
  })
})
