// Integration: calls metered by the real writer (every sink of the test engine) roll up per key,
// and the dashboards' group-by query reads them back: per key, API, consumer and version, each
// series' count equals the raw calls the call log lists for its filter, and key labels show an
// owner only a consumer's team and key prefix.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import { callFilterWhere } from '@/lib/calls/list-calls'
import { parseCallLogQuery } from '@/lib/calls/schemas'
import { createId, randomToken } from '@/lib/ids'
import { InvocationWriter } from '@/lib/metering/invocation-writer'
import { testInvocationRecord } from '@/lib/metering/testing/test-invocation-record'
import { TEST_SINKS, testSink } from '@/lib/metering/testing/test-sinks'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { resolveDashboardWindow } from './dashboard-window'
import { getUsageByGroup } from './get-usage-by-group'
import { groupCallFilter, UNTRACKED_KEY, type UsageGroup } from './usage-groups'

let testDb: TestDatabase
const NOW = new Date('2026-11-20T12:30:00Z')
const window = resolveDashboardWindow('24h', NOW)
const t = { owner: '', alpha: '', beta: '' }
const ids = { api: '', v1: '', v2: '', k1: '', k2: '', k3: '' }

beforeAll(async () => {
  testDb = await setupTestDatabase()
  const db = testDb.db
  t.owner = (await createTestTeam({ label: 'owner' }, db)).id
  t.alpha = (await createTestTeam({ label: 'alpha', name: 'Alpha Corp' }, db)).id
  t.beta = (await createTestTeam({ label: 'beta', name: 'Beta Ltd' }, db)).id
  ids.api = (await db.api.create({ data: { id: createId('api'), teamId: t.owner, slug: 'orders', name: 'Orders' } })).id
  for (const v of ['v1', 'v2'] as const) {
    const data = {
      apiId: ids.api,
      teamId: t.owner,
      version: v,
      major: Number(v[1]),
      openapi: '{}',
      upstreamUrl: 'http://x',
    }
    ids[v] = (await db.apiVersion.create({ data: { id: createId('ver'), ...data } })).id
  }
  const key = async (teamId: string, name: string, prefix: string) =>
    (await db.apiKey.create({ data: { id: createId('key'), teamId, name, prefix, hash: randomToken(40) } })).id
  ids.k1 = await key(t.alpha, 'Alpha production', 'tg_live_aaa111')
  ids.k2 = await key(t.alpha, 'Alpha staging', 'tg_live_aaa222')
  ids.k3 = await key(t.beta, 'Beta secret name', 'tg_live_bbb333')
})
afterAll(async () => testDb?.cleanup())
beforeEach(async () => {
  await testDb.db.invocation.deleteMany()
  await testDb.db.usageRollup.deleteMany()
})

const call = (overrides: Partial<InvocationRecord>) =>
  testInvocationRecord({
    createdAt: NOW.getTime() - 3_600_000,
    ownerTeamId: t.owner,
    consumerTeamId: t.alpha,
    apiId: ids.api,
    versionId: ids.v1,
    keyId: ids.k1,
    ...overrides,
  })

/** 12 calls by k1, 7 by k2 (on v2), 5 by k3 and 3 with no key (401s: no consumer), over three hours. */
async function meterCalls(sink: (typeof TEST_SINKS)[number]) {
  const writer = new InvocationWriter(testSink(testDb, sink))
  const hoursAgo = (n: number) => NOW.getTime() - n * 3_600_000 + 60_000
  for (let i = 0; i < 12; i++) writer.record(call({ createdAt: hoursAgo(1 + (i % 3)), status: i % 4 ? 200 : 500 }))
  for (let i = 0; i < 7; i++) writer.record(call({ keyId: ids.k2, versionId: ids.v2, createdAt: hoursAgo(2) }))
  for (let i = 0; i < 5; i++)
    writer.record(call({ keyId: ids.k3, consumerTeamId: t.beta, createdAt: hoursAgo(3), costMicros: 2_000n }))
  for (let i = 0; i < 3; i++)
    writer.record(call({ keyId: null, consumerTeamId: null, subscriptionId: null, status: 401 }))
  await writer.close()
}

/** The calls the call log lists for one series' segment filter over the window. */
async function loggedCalls(teamId: string, view: 'owner' | 'consumer', group: UsageGroup, id: string | null) {
  const filter = groupCallFilter(group, id)
  const query = parseCallLogQuery(
    { view, from: window.from.toISOString(), to: window.to.toISOString(), ...filter },
    NOW,
  )
  return testDb.db.invocation.count({ where: callFilterWhere(teamId, query) })
}

const totals = (result: Awaited<ReturnType<typeof getUsageByGroup>>) =>
  Object.fromEntries(result.series.map((s) => [s.label, result.points.reduce((n, p) => n + Number(p[s.key] ?? 0), 0)]))

test.each(TEST_SINKS)('%s: calls per key on the dashboard equal the raw calls per key', async (sink) => {
  await meterCalls(sink)
  const byKey = await getUsageByGroup({ teamId: t.owner }, { view: 'owner', window, group: 'key', measure: 'calls' })
  // An owner reads a consumer's key as its team and prefix: never the key's name.
  expect(totals(byKey)).toEqual({
    'Alpha Corp · tg_live_aaa111…': 12,
    'Alpha Corp · tg_live_aaa222…': 7,
    'Beta Ltd · tg_live_bbb333…': 5,
    'No key': 3,
  })
  for (const s of byKey.series) {
    const count = await loggedCalls(t.owner, 'owner', 'key', s.id)
    expect([s.label, count]).toEqual([s.label, totals(byKey)[s.label]])
  }
  expect(byKey.points.reduce((n, p) => n + p.total, 0)).toBe(27)
})

test.each(TEST_SINKS)('%s: grouped by consumer, version or API, every series matches its call list', async (sink) => {
  await meterCalls(sink)
  const request = { view: 'owner' as const, window, measure: 'calls' as const }
  const expected: Record<Exclude<UsageGroup, 'key'>, Record<string, number>> = {
    consumer: { 'Alpha Corp': 19, 'Beta Ltd': 5, Unknown: 3 },
    version: { [`${await slugOf(t.owner)}/orders v1`]: 20, [`${await slugOf(t.owner)}/orders v2`]: 7 },
    api: { [`${await slugOf(t.owner)}/orders`]: 27 },
  }
  for (const group of ['consumer', 'version', 'api'] as const) {
    const result = await getUsageByGroup({ teamId: t.owner }, { ...request, group })
    expect(totals(result)).toEqual(expected[group])
    for (const s of result.series.filter((s) => s.id !== '')) {
      expect([group, s.label, await loggedCalls(t.owner, 'owner', group, s.id)]).toEqual([
        group,
        s.label,
        expected[group][s.label],
      ])
    }
  }
})

test.each(TEST_SINKS)('%s: a consumer sees its own keys by name, and only its own calls and cost', async (sink) => {
  await meterCalls(sink)
  const alpha = await getUsageByGroup({ teamId: t.alpha }, { view: 'consumer', window, group: 'key', measure: 'calls' })
  expect(totals(alpha)).toEqual({ 'Alpha production (tg_live_aaa111…)': 12, 'Alpha staging (tg_live_aaa222…)': 7 })
  const betaCost = await getUsageByGroup(
    { teamId: t.beta },
    { view: 'consumer', window, group: 'key', measure: 'costMicros' },
  )
  expect(totals(betaCost)).toEqual({ 'Beta secret name (tg_live_bbb333…)': 10_000 })
  expect(await loggedCalls(t.beta, 'consumer', 'key', ids.k1)).toBe(0)
})

test('rows from before key tracking read as such, and the biggest five groups get their own series', async () => {
  const row = (keyId: string, calls: number) => ({
    id: createId('ur'),
    hour: new Date(NOW.getTime() - 3_600_000 * 2),
    ownerTeamId: t.owner,
    consumerTeamId: t.alpha,
    apiId: ids.api,
    versionId: ids.v1,
    keyId,
    statusClass: 2,
    calls,
  })
  await testDb.db.usageRollup.createMany({
    data: [row(UNTRACKED_KEY, 40), row(ids.k1, 30), row(ids.k2, 20), row(ids.k3, 10), row('key_gone', 5), row('', 1)],
  })
  const result = await getUsageByGroup({ teamId: t.owner }, { view: 'owner', window, group: 'key', measure: 'calls' })
  expect(result.series.map((s) => s.label)).toEqual([
    '(before key tracking)',
    'Alpha Corp · tg_live_aaa111…',
    'Alpha Corp · tg_live_aaa222…',
    'Beta Ltd · tg_live_bbb333…',
    'Other keys',
  ])
  expect(totals(result)['Other keys']).toBe(6)
  expect(groupCallFilter('key', UNTRACKED_KEY)).toEqual({})
})

async function slugOf(teamId: string) {
  return (await testDb.db.team.findUniqueOrThrow({ where: { id: teamId } })).slug
}
