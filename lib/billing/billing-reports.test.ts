// Integration: what the billing page reads back (statement, ledger list and export, paid
// subscriptions) against a real database.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { seedSubscriptionFixture } from '@/lib/subscriptions/testing/seed-subscription-fixture'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { exportLedgerCsv } from './export-ledger-csv'
import { exportStatementCsv } from './export-statement-csv'
import { getMonthlyStatement } from './get-monthly-statement'
import { listLedgerEntries } from './list-ledger-entries'
import { listPaidSubscriptionUsage } from './list-paid-subscription-usage'
import { utcMonth } from './month'
import { postLedgerEntry } from './post-ledger-entry'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

const MONTH = '2025-03'

async function post(
  teamId: string,
  at: string,
  amountMicros: bigint,
  extra: { apiId?: string; planId?: string; description?: string } = {},
) {
  const kind = amountMicros > 0n ? 'TOP_UP' : 'CHARGE'
  const { entry } = await postLedgerEntry({ teamId, kind, amountMicros, idempotencyKey: createId('idem'), ...extra })
  await db.ledgerEntry.update({ where: { id: entry.id }, data: { createdAt: new Date(at) } })
}

async function rollup(
  consumerTeamId: string,
  ownerTeamId: string,
  apiId: string,
  hour: string,
  statusClass: number,
  calls: number,
) {
  await db.usageRollup.create({
    data: {
      id: createId('ur'),
      hour: new Date(hour),
      ownerTeamId,
      consumerTeamId,
      apiId,
      versionId: 'v',
      statusClass,
      calls,
    },
  })
}

async function seedStatement() {
  const f = await seedSubscriptionFixture()
  const [payg, pro] = [f.weather.plans.Auto, f.weather.plans.Manual]
  const basic = f.maps.plans.Auto
  const c = f.consumer.id
  await post(c, '2025-03-01T00:00:00.000Z', -1_000_000n, {
    apiId: f.weather.id,
    planId: payg,
    description: '10 calls to owner/weather v1 (Auto)',
  })
  await post(c, '2025-03-31T23:59:59.999Z', -1_000_000n, {
    apiId: f.weather.id,
    planId: payg,
    description: '10 calls to owner/weather v1 (Auto)',
  })
  await post(c, '2025-03-10T12:00:00.000Z', -500_000n, { apiId: f.weather.id, planId: pro })
  await post(c, '2025-03-11T12:00:00.000Z', -250_001n, { apiId: f.maps.id, planId: basic, description: '=cmd|calc' })
  await post(c, '2025-03-12T12:00:00.000Z', -7n, { description: 'Manual charge, "rounding"' })
  await post(c, '2025-03-02T08:00:00.000Z', 10_000_000n, { description: 'Top-up (ref x)' })
  // Outside the month on both sides, and another team's charge inside it.
  await post(c, '2025-04-01T00:00:00.000Z', -9_999_999n, { apiId: f.weather.id, planId: payg })
  await post(c, '2025-02-28T23:59:59.999Z', -8_888_888n, { apiId: f.weather.id, planId: payg })
  await post(f.outsider.id, '2025-03-15T00:00:00.000Z', -123n, { apiId: f.weather.id, planId: payg })

  // Calls per subscription and month: weather has two plans (and an earlier, cancelled
  // subscription on the first one, whose calls add to it); April's and the outsider's stay out.
  const sub = async (consumerTeamId: string, apiId: string, planId: string, state: 'ACTIVE' | 'CANCELLED' = 'ACTIVE') =>
    (
      await db.subscription.create({
        data: { id: createId('sub'), apiId, planId, ownerTeamId: f.owner.id, consumerTeamId, state },
      })
    ).id
  const usage = async (subscriptionId: string, month: string, calls: number) =>
    db.subscriptionUsage.create({ data: { id: createId('su'), subscriptionId, month, calls } })
  const paygSub = await sub(c, f.weather.id, payg)
  await usage(paygSub, MONTH, 30)
  await usage(paygSub, '2025-04', 1000)
  await usage(await sub(c, f.weather.id, payg, 'CANCELLED'), MONTH, 5)
  await usage(await sub(c, f.weather.id, pro), MONTH, 9)
  await usage(await sub(c, f.maps.id, basic), MONTH, 7)
  await usage(await sub(f.outsider.id, f.weather.id, payg), MONTH, 500)

  // The hourly rollups know the API but not the plan (42 successful weather calls): the
  // statement must not fall back on them.
  const o = f.owner.id
  await rollup(c, o, f.weather.id, '2025-03-05T10:00:00.000Z', 2, 40)
  await rollup(c, o, f.weather.id, '2025-03-31T23:00:00.000Z', 3, 2)
  await rollup(c, o, f.weather.id, '2025-03-05T10:00:00.000Z', 4, 5)
  await rollup(c, o, f.weather.id, '2025-03-05T10:00:00.000Z', 5, 1)
  await rollup(c, o, f.weather.id, '2025-04-01T00:00:00.000Z', 2, 1000)
  await rollup(c, o, f.maps.id, '2025-03-20T00:00:00.000Z', 2, 7)
  await rollup(f.outsider.id, o, f.maps.id, '2025-03-20T00:00:00.000Z', 2, 500)
  return { f, payg, pro, basic }
}

test("the statement has a line per API and plan, each with its own calls and charges, and its total is the ledger's", async () => {
  const { f, payg, pro, basic } = await seedStatement()
  const statement = await getMonthlyStatement({ teamId: f.consumer.id }, { month: MONTH })
  const label = (slug: string) => `${f.owner.slug}/${slug}`
  expect(statement.lines).toEqual([
    {
      apiId: f.weather.id,
      planId: payg,
      apiLabel: label('weather'),
      planName: 'Auto',
      calls: 35,
      entries: 2,
      amountMicros: 2_000_000n,
    },
    {
      apiId: f.weather.id,
      planId: pro,
      apiLabel: label('weather'),
      planName: 'Manual',
      calls: 9,
      entries: 1,
      amountMicros: 500_000n,
    },
    {
      apiId: f.maps.id,
      planId: basic,
      apiLabel: label('maps'),
      planName: 'Auto',
      calls: 7,
      entries: 1,
      amountMicros: 250_001n,
    },
    { apiId: null, planId: null, apiLabel: null, planName: null, calls: 0, entries: 1, amountMicros: 7n },
  ])
  const { start, end } = { start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z') }
  const ledger = await db.ledgerEntry.aggregate({
    where: { teamId: f.consumer.id, kind: 'CHARGE', createdAt: { gte: start, lt: end } },
    _sum: { amountMicros: true },
  })
  expect(statement.totalMicros).toBe(2_750_008n)
  expect(statement.lines.reduce((sum, line) => sum + line.amountMicros, 0n)).toBe(statement.totalMicros)
  expect(statement.totalMicros).toBe(-(ledger._sum.amountMicros ?? 0n))
  expect(statement.topUpsMicros).toBe(10_000_000n)

  expect(exportStatementCsv(statement).split('\r\n')).toEqual([
    'month,api,plan,successful_calls,ledger_entries,amount,currency',
    `${MONTH},${label('weather')},Auto,35,2,2.00,USD`,
    `${MONTH},${label('weather')},Manual,9,1,0.50,USD`,
    `${MONTH},${label('maps')},Auto,7,1,0.250001,USD`,
    `${MONTH},Other charges,,,1,0.000007,USD`,
    `${MONTH},Total,,,,2.750008,USD`,
    '',
  ])
  // April has its own calls and charges; another month, and another team, see none of March's.
  expect((await getMonthlyStatement({ teamId: f.consumer.id }, { month: '2025-04' })).lines).toEqual([
    {
      apiId: f.weather.id,
      planId: payg,
      apiLabel: label('weather'),
      planName: 'Auto',
      calls: 1000,
      entries: 1,
      amountMicros: 9_999_999n,
    },
  ])
  expect((await getMonthlyStatement({ teamId: f.consumer.id }, { month: '2025-05' })).lines).toEqual([])
  expect((await getMonthlyStatement({ teamId: f.outsider.id }, { month: MONTH })).lines).toEqual([
    {
      apiId: f.weather.id,
      planId: payg,
      apiLabel: label('weather'),
      planName: 'Auto',
      calls: 500,
      entries: 1,
      amountMicros: 123n,
    },
  ])
})

test('the ledger lists newest first, pages, and searches descriptions and kinds on this team only', async () => {
  const { f } = await seedStatement()
  const teamId = f.consumer.id
  const first = await listLedgerEntries({ teamId }, { pageSize: 4 })
  expect(first).toMatchObject({ total: 8, page: 1, pageCount: 2 })
  expect(first.items.map((e) => e.createdAt.toISOString())).toEqual([
    '2025-04-01T00:00:00.000Z',
    '2025-03-31T23:59:59.999Z',
    '2025-03-12T12:00:00.000Z',
    '2025-03-11T12:00:00.000Z',
  ])
  expect(first.items[0].apiLabel).toBe(`${f.owner.slug}/weather`)
  expect((await listLedgerEntries({ teamId }, { pageSize: 4, page: 2 })).items).toHaveLength(4)

  expect((await listLedgerEntries({ teamId }, { q: 'WEATHER' })).items.map((e) => e.amountMicros)).toEqual([
    -1_000_000n,
    -1_000_000n,
  ])
  expect((await listLedgerEntries({ teamId }, { q: 'top-up' })).items.map((e) => e.kind)).toEqual(['TOP_UP'])
  expect((await listLedgerEntries({ teamId }, { q: 'charge' })).total).toBe(7)
  expect((await listLedgerEntries({ teamId: f.outsider.id }, { q: 'charge' })).total).toBe(1)
  expect((await listLedgerEntries({ teamId }, { q: 'nothing like this' })).items).toEqual([])
})

test('the ledger CSV streams every entry in batches, oldest first, with formulas neutralised', async () => {
  const { team } = await createTestTeam()
  const other = await createTestTeam()
  const base = Date.UTC(2025, 0, 1)
  await db.ledgerEntry.createMany({
    data: Array.from({ length: 1_201 }, (_, i) => ({
      id: createId('led'),
      teamId: team.id,
      kind: 'TOP_UP' as const,
      amountMicros: BigInt(i + 1),
      idempotencyKey: createId('idem'),
      description: i === 600 ? '=HYPERLINK("http://evil")' : `entry ${i}`,
      createdAt: new Date(base + i * 1000),
    })),
  })
  await post(other.team.id, '2025-01-01T00:00:00.000Z', 5n, { description: 'not yours' })

  const lines: string[] = []
  for await (const line of exportLedgerCsv({ teamId: team.id })) lines.push(line)
  expect(lines).toHaveLength(1_202)
  expect(lines[0]).toBe('date_utc,id,kind,amount,currency,description,api\r\n')
  expect(lines[1]).toMatch(/^2025-01-01T00:00:00.000Z,led_\w+,TOP_UP,0.000001,USD,entry 0,\r\n$/)
  expect(lines[601]).toContain(`,"'=HYPERLINK(""http://evil"")",`)
  expect(lines[1_201]).toContain(',0.001201,USD,entry 1200,')
  expect(lines.join('')).not.toContain('not yours')

  const filtered: string[] = []
  for await (const line of exportLedgerCsv({ teamId: team.id }, { q: 'entry 120' })) filtered.push(line)
  // The header, then "entry 120" and "entry 1200" (the last one), oldest first.
  expect(filtered).toHaveLength(3)
  expect(filtered[2]).toContain(',entry 1200,')
})

test("paid subscriptions show this month's free quota use; free, pending and other teams' are left out", async () => {
  const f = await seedSubscriptionFixture()
  const paid = { paid: true, freeCallsPerMonth: 100, pricePerCallMicros: 2_000n }
  await db.plan.update({ where: { id: f.weather.plans.Auto }, data: paid })
  await db.plan.update({ where: { id: f.maps.plans.Auto }, data: { ...paid, freeCallsPerMonth: 5 } })
  const sub = async (consumerTeamId: string, apiId: string, planId: string, state: 'ACTIVE' | 'PENDING' = 'ACTIVE') =>
    (
      await db.subscription.create({
        data: { id: createId('sub'), apiId, planId, ownerTeamId: f.owner.id, consumerTeamId, state },
      })
    ).id
  const weather = await sub(f.consumer.id, f.weather.id, f.weather.plans.Auto)
  const maps = await sub(f.consumer.id, f.maps.id, f.maps.plans.Auto)
  await sub(f.consumer.id, f.weather.id, f.weather.plans.Manual) // free plan
  await sub(f.consumer.id, f.maps.id, f.maps.plans.Auto, 'PENDING')
  await sub(f.outsider.id, f.weather.id, f.weather.plans.Auto)
  const now = Date.now()
  await db.subscriptionUsage.createMany({
    data: [
      { id: createId('su'), subscriptionId: weather, month: utcMonth(now), calls: 30 },
      { id: createId('su'), subscriptionId: weather, month: '2020-01', calls: 99 },
      { id: createId('su'), subscriptionId: maps, month: utcMonth(now), calls: 9 },
    ],
  })

  const list = await listPaidSubscriptionUsage({ teamId: f.consumer.id }, { now })
  expect(list.total).toBe(2)
  expect(
    list.items.map((s) => [s.apiName, s.freeCallsPerMonth, s.usedThisMonth, s.freeLeft, s.pricePerCallMicros]),
  ).toEqual([
    ['maps api', 5, 9, 0, 2_000n],
    ['weather api', 100, 30, 70, 2_000n],
  ])
  expect(
    (await listPaidSubscriptionUsage({ teamId: f.consumer.id }, { q: 'WEATH', now })).items.map((s) => s.id),
  ).toEqual([weather])
  expect(
    (await listPaidSubscriptionUsage({ teamId: f.consumer.id }, { pageSize: 1, page: 2, now })).items.map((s) => s.id),
  ).toEqual([weather])
})
