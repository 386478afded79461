// Integration: the billing page's chart queries (cost per day by API, key or version, spend by API, revenue by
// consumer) sum the right UsageRollup rows, and only the team's own.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { resolveDashboardWindow } from './dashboard-window'
import { getUsageByGroup } from './get-usage-by-group'
import { getRevenueByConsumer } from './get-revenue-by-consumer'
import { getSpendByApi } from './get-spend-by-api'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

// 30 UTC days ending with 2025-06-15; D1 and D2 are inside, BEFORE is the day before the window.
const NOW = new Date('2025-06-15T12:00:00.000Z')
const D1 = '2025-06-10'
const D2 = '2025-06-11'
const BEFORE = '2025-05-16'

async function seed() {
  const owner = (await createTestTeam()).team
  const otherOwner = (await createTestTeam()).team
  const consumer = (await createTestTeam()).team
  const otherConsumer = (await createTestTeam()).team
  const api = async (teamId: string, slug: string) =>
    (await db.api.create({ data: { id: createId('api'), teamId, slug, name: slug } })).id
  const a = await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((slug) => api(owner.id, slug)))
  const b1 = await api(otherOwner.id, 'b1')
  const row = (
    ownerTeamId: string,
    consumerTeamId: string,
    apiId: string,
    hour: string,
    costMicros: bigint,
    calls = 1,
    statusClass = 2,
  ) => ({
    id: createId('ur'),
    hour: new Date(hour),
    ownerTeamId,
    consumerTeamId,
    apiId,
    versionId: 'v1',
    statusClass,
    calls,
    costMicros,
  })
  await db.usageRollup.createMany({
    data: [
      row(owner.id, consumer.id, a[0], `${D1}T10:00:00Z`, 3_000_000n, 30),
      row(owner.id, consumer.id, a[0], `${D1}T23:00:00Z`, 1_000_000n, 10),
      row(owner.id, consumer.id, a[0], `${D1}T23:00:00Z`, 0n, 4, 4),
      row(owner.id, consumer.id, a[1], `${D1}T00:00:00Z`, 2_000_000n, 20),
      row(owner.id, consumer.id, a[1], `${D2}T05:00:00Z`, 500_000n, 5),
      row(owner.id, consumer.id, a[2], `${D2}T05:00:00Z`, 100_000n),
      row(owner.id, consumer.id, a[3], `${D2}T05:00:00Z`, 90_000n),
      row(owner.id, consumer.id, a[4], `${D2}T05:00:00Z`, 80_000n),
      row(owner.id, consumer.id, a[5], `${D2}T05:00:00Z`, 70_000n),
      row(otherOwner.id, consumer.id, b1, `${D2}T05:00:00Z`, 1_000n),
      // Outside the window, another consumer's calls, and an unknown caller.
      row(owner.id, consumer.id, a[0], `${BEFORE}T23:00:00Z`, 99_000_000n),
      row(owner.id, otherConsumer.id, a[0], `${D1}T10:00:00Z`, 5_500_000n),
      row(owner.id, '', a[0], `${D1}T10:00:00Z`, 7_000_000n),
    ],
  })
  return { owner, otherOwner, consumer, otherConsumer, a, b1 }
}

test('cost per day: stacked by API with the smallest folded into "Other", summed per UTC day', async () => {
  const { owner, otherOwner, consumer, a } = await seed()
  const window = resolveDashboardWindow('30d', NOW)
  const costBy = (teamId: string) =>
    getUsageByGroup({ teamId }, { view: 'consumer', window, group: 'api', measure: 'costMicros' })
  const { series, points } = await costBy(consumer.id)
  expect(series).toEqual([
    { key: 's0', id: a[0], label: `${owner.slug}/a1` },
    { key: 's1', id: a[1], label: `${owner.slug}/a2` },
    { key: 's2', id: a[2], label: `${owner.slug}/a3` },
    { key: 's3', id: a[3], label: `${owner.slug}/a4` },
    { key: 'other', id: null, label: 'Other APIs' },
  ])
  expect(points).toHaveLength(30)
  expect(points[0].from).toBe('2025-05-17T00:00:00.000Z')
  const day = (d: string) => points.find((p) => p.from === `${d}T00:00:00.000Z`)
  expect(day(D1)).toEqual({
    from: `${D1}T00:00:00.000Z`,
    to: `${D2}T00:00:00.000Z`,
    total: 6_000_000,
    s0: 4_000_000,
    s1: 2_000_000,
    s2: 0,
    s3: 0,
    other: 0,
  })
  // a5 + a6 + another owner's b1 share "Other".
  expect(day(D2)).toMatchObject({ total: 841_000, s0: 0, s1: 500_000, s2: 100_000, s3: 90_000, other: 151_000 })
  expect(points.reduce((sum, p) => sum + p.total, 0)).toBe(6_841_000)
  expect(points.filter((p) => p.total > 0)).toHaveLength(2)
  expect(await costBy(otherOwner.id)).toMatchObject({ series: [], points: expect.any(Array) })
})

test('spend by API: window totals and calls, biggest first, this consumer only', async () => {
  const { owner, otherOwner, consumer, a, b1 } = await seed()
  const spend = await getSpendByApi({ teamId: consumer.id }, { window: resolveDashboardWindow('30d', NOW) })
  expect(spend.map((s) => [s.apiId, s.costMicros, s.calls])).toEqual([
    [a[0], 4_000_000n, 44],
    [a[1], 2_500_000n, 25],
    [a[2], 100_000n, 1],
    [a[3], 90_000n, 1],
    [a[4], 80_000n, 1],
    [a[5], 70_000n, 1],
    [b1, 1_000n, 1],
  ])
  expect(spend[6].label).toBe(`${otherOwner.slug}/b1`)
  expect(spend[0].label).toBe(`${owner.slug}/a1`)
  expect(
    await getSpendByApi({ teamId: consumer.id }, { window: resolveDashboardWindow('30d', NOW), limit: 2 }),
  ).toHaveLength(2)
})

test("revenue by consumer: what each team paid for this owner's APIs, split by API", async () => {
  const { owner, otherOwner, consumer, otherConsumer, a, b1 } = await seed()
  const revenue = await getRevenueByConsumer({ teamId: owner.id }, { window: resolveDashboardWindow('30d', NOW) })
  expect(revenue.consumers.map((c) => [c.consumerTeamId, c.consumerName, c.totalMicros])).toEqual([
    [consumer.id, consumer.name, 6_840_000n],
    [otherConsumer.id, otherConsumer.name, 5_500_000n],
  ])
  expect(revenue.consumers[0].byApi.find((x) => x.apiId === a[0])).toEqual({
    apiId: a[0],
    costMicros: 4_000_000n,
    calls: 44,
  })
  expect(revenue.apis.map((x) => x.label)).toEqual(
    ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((s) => `${owner.slug}/${s}`),
  )
  expect(revenue.apis.some((x) => x.apiId === b1)).toBe(false)

  const other = await getRevenueByConsumer({ teamId: otherOwner.id }, { window: resolveDashboardWindow('30d', NOW) })
  expect(other.consumers.map((c) => [c.consumerTeamId, c.totalMicros])).toEqual([[consumer.id, 1_000n]])
})
