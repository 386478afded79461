// Integration: the 402 charts read PaymentRollup only, bucket by hour or day, and keep each side
// of the team apart. Team A owns Weather and Maps; B and C call them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { resolveDashboardWindow } from './dashboard-window'
import { get402sByApi } from './get-402-by-api'
import { get402sOverTime } from './get-402-over-time'

const NOW = new Date('2026-11-24T15:30:00Z')
const hour = (hoursAgo: number) => new Date(Date.UTC(2026, 10, 24, 15 - hoursAgo))
let database: TestDatabase
const t = { a: '', b: '', c: '' }
const api = { weather: '', maps: '' }

beforeAll(async () => {
  database = await setupTestDatabase()
  for (const key of ['a', 'b', 'c'] as const) t[key] = (await createTestTeam()).team.id
  api.weather = (
    await db.api.create({ data: { id: createId('api'), teamId: t.a, slug: 'weather', name: 'Weather' } })
  ).id
  api.maps = (await db.api.create({ data: { id: createId('api'), teamId: t.a, slug: 'maps', name: 'Maps' } })).id
  const rollup = (
    hoursAgo: number,
    consumer: string,
    apiId: string,
    cause: string,
    blockedCalls: number,
    revenue: bigint,
  ) => ({
    id: createId('prl'),
    hour: hour(hoursAgo),
    ownerTeamId: t.a,
    consumerTeamId: consumer,
    apiId,
    cause: cause as never,
    blockedCalls,
    blockedRevenueMicros: revenue,
  })
  await db.paymentRollup.createMany({
    data: [
      rollup(0, t.b, api.weather, 'insufficient_balance', 5, 10_000n),
      rollup(0, t.b, api.weather, 'budget_exceeded', 2, 4_000n),
      rollup(0, t.c, api.maps, 'insufficient_balance', 1, 900_000n),
      rollup(3, t.c, api.maps, 'quota_exhausted', 4, 0n),
      // 30 hours ago: outside the 24 h window, inside 7 d and 30 d.
      rollup(30, t.b, api.weather, 'payment_method_failed', 7, 14_000n),
    ],
  })
})
afterAll(() => database?.cleanup())

describe('get402sOverTime', () => {
  test('24 h: one bar per hour, stacked by cause, empty hours as zero, revenue per bar', async () => {
    const points = await get402sOverTime({ teamId: t.a }, { view: 'owner', window: resolveDashboardWindow('24h', NOW) })
    expect(points).toHaveLength(24)
    expect(points.at(-1)).toMatchObject({
      from: '2026-11-24T15:00:00.000Z',
      to: '2026-11-24T16:00:00.000Z',
      total: 8,
      insufficient_balance: 6,
      budget_exceeded: 2,
      revenueMicros: '914000',
    })
    expect(points.at(-4)).toMatchObject({ total: 4, quota_exhausted: 4 })
    expect(points.reduce((sum, p) => sum + p.total, 0)).toBe(12)
  })

  test('30 d: per UTC day', async () => {
    const points = await get402sOverTime({ teamId: t.a }, { view: 'owner', window: resolveDashboardWindow('30d', NOW) })
    expect(points).toHaveLength(30)
    expect(points.at(-1)).toMatchObject({ from: '2026-11-24T00:00:00.000Z', total: 12 })
    expect(points.at(-2)).toMatchObject({ from: '2026-11-23T00:00:00.000Z', total: 7, payment_method_failed: 7 })
  })

  test('the consumer side sees only its own blocked calls', async () => {
    const window = resolveDashboardWindow('7d', NOW)
    const total = async (teamId: string, view: 'owner' | 'consumer') =>
      (await get402sOverTime({ teamId }, { view, window })).reduce((s, p) => s + p.total, 0)
    expect(await total(t.b, 'consumer')).toBe(14)
    expect(await total(t.c, 'consumer')).toBe(5)
    expect(await total(t.b, 'owner')).toBe(0)
    expect(await total(t.a, 'consumer')).toBe(0)
  })
})

describe('get402sByApi', () => {
  test('owner: ranked by lost revenue, with totals and causes', async () => {
    const summary = await get402sByApi({ teamId: t.a }, { view: 'owner', window: resolveDashboardWindow('24h', NOW) })
    expect(summary.apis.map((a) => [a.name, a.blockedCalls, a.revenueMicros])).toEqual([
      ['Maps', 5, 900_000n],
      ['Weather', 7, 14_000n],
    ])
    expect(summary.apis[0].byCause).toMatchObject({ insufficient_balance: 1, quota_exhausted: 4 })
    expect({ calls: summary.totalCalls, revenue: summary.totalRevenueMicros }).toEqual({ calls: 12, revenue: 914_000n })
  })

  test('consumer: ranked by blocked calls, only its own', async () => {
    const summary = await get402sByApi({ teamId: t.b }, { view: 'consumer', window: resolveDashboardWindow('7d', NOW) })
    expect(summary.apis.map((a) => [a.name, a.blockedCalls])).toEqual([['Weather', 14]])
    expect(summary.apis[0].teamSlug).toMatch(/^team-/)
    expect(
      (await get402sByApi({ teamId: t.b }, { view: 'owner', window: resolveDashboardWindow('7d', NOW) })).apis,
    ).toEqual([])
  })
})
