import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getCall } from './get-call'
import { listCallFilterOptions } from './list-call-filter-options'
import { listCalls, type CallPage } from './list-calls'
import { parseCallLogQuery } from './schemas'

// The call log and call details against a real migrated database. Team A owns the Orders API,
// B calls it with its key; C is unrelated. Rows share timestamps on purpose (the id breaks ties).

const NOW = new Date('2026-11-24T15:00:00Z')
const T0 = NOW.getTime() - 3_600_000
let cleanup: () => Promise<void>
const t = { a: '', b: '', c: '' }
let apiId = ''
let otherApiId = ''
let versionId = ''
let keyId = ''
const rows: Array<{ id: string; createdAt: Date; status: number; requestId: string }> = []

const query = (params: Record<string, string> = {}) => parseCallLogQuery(params, NOW)

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  for (const key of ['a', 'b', 'c'] as const) {
    t[key] = (await createTestTeam({ label: key, name: `Team ${key.toUpperCase()}` })).id
  }
  apiId = (await db.api.create({ data: { id: createId('api'), teamId: t.a, slug: 'orders', name: 'Orders' } })).id
  otherApiId = (await db.api.create({ data: { id: createId('api'), teamId: t.a, slug: 'stock', name: 'Stock' } })).id
  versionId = (
    await db.apiVersion.create({
      data: {
        id: createId('ver'),
        apiId,
        teamId: t.a,
        version: 'v1',
        major: 1,
        openapi: '{}',
        upstreamUrl: 'http://x',
      },
    })
  ).id
  keyId = (
    await db.apiKey.create({
      data: { id: createId('key'), teamId: t.b, name: 'CI key', prefix: 'tg_live_abc123', hash: randomToken(40) },
    })
  ).id

  const statuses = [200, 200, 201, 404, 402, 429, 500, 502, 200, 304]
  for (let i = 0; i < 137; i++) {
    // Three calls per millisecond: pages must break ties on id, never repeat or skip a row.
    const createdAt = new Date(T0 + Math.floor(i / 3) * 1_000)
    rows.push({ id: createId('inv'), createdAt, status: statuses[i % statuses.length], requestId: `req-${i}` })
  }
  await db.invocation.createMany({
    data: rows.map((r, i) => ({
      ...r,
      ownerTeamId: t.a,
      consumerTeamId: t.b,
      apiId: i % 10 === 9 ? otherApiId : apiId,
      versionId,
      keyId: i % 2 ? keyId : null,
      method: 'GET',
      path: `/gw/a/orders/v1/items/${i}`,
      latencyMs: i,
      upstreamMs: Math.max(0, i - 1),
      errorCode: r.status === 402 ? 'insufficient_balance' : null,
    })),
  })
  // A's own call to someone else's API, and a call older than 24 h.
  await db.invocation.createMany({
    data: [
      {
        id: createId('inv'),
        requestId: 'req-a-out',
        ownerTeamId: t.c,
        consumerTeamId: t.a,
        apiId: 'api_elsewhere',
        method: 'POST',
        path: '/gw/c/x/v1',
        status: 200,
        latencyMs: 1,
        createdAt: new Date(T0),
      },
      {
        id: createId('inv'),
        requestId: 'req-old',
        ownerTeamId: t.a,
        consumerTeamId: t.b,
        apiId,
        method: 'GET',
        path: '/gw/a/orders/v1',
        status: 200,
        latencyMs: 1,
        createdAt: new Date(NOW.getTime() - 2 * 86_400_000),
      },
    ],
  })
})
afterAll(async () => cleanup?.())

const expectedOrder = () =>
  [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (x.id < y.id ? 1 : -1)).map((r) => r.id)

describe('cursor pagination', () => {
  test('walking Older visits every row once, newest first, 50 per page', async () => {
    const seen: string[] = []
    const sizes: number[] = []
    let cursor: string | null = null
    do {
      const page: CallPage = await listCalls({ teamId: t.a }, query(cursor ? { cursor } : {}))
      seen.push(...page.items.map((r) => r.id))
      sizes.push(page.items.length)
      cursor = page.nextCursor
    } while (cursor)
    expect(sizes).toEqual([50, 50, 37])
    expect(new Set(seen).size).toBe(137)
    expect(seen).toEqual(expectedOrder())
  })

  test('Newer from the last page walks back through the same pages', async () => {
    const first = await listCalls({ teamId: t.a }, query())
    expect(first.prevCursor).toBeNull()
    const second = await listCalls({ teamId: t.a }, query({ cursor: first.nextCursor! }))
    const third = await listCalls({ teamId: t.a }, query({ cursor: second.nextCursor! }))
    expect(third.nextCursor).toBeNull()
    const backToSecond = await listCalls({ teamId: t.a }, query({ before: third.prevCursor! }))
    expect(backToSecond.items.map((r) => r.id)).toEqual(second.items.map((r) => r.id))
    const backToFirst = await listCalls({ teamId: t.a }, query({ before: backToSecond.prevCursor! }))
    expect(backToFirst.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id))
    expect(backToFirst.prevCursor).toBeNull()
  })

  test('a call logged between two pages does not shift the next page', async () => {
    const first = await listCalls({ teamId: t.a }, query())
    const before = await listCalls({ teamId: t.a }, query({ cursor: first.nextCursor! }))
    const fresh = await db.invocation.create({
      data: {
        id: createId('inv'),
        requestId: 'req-fresh',
        ownerTeamId: t.a,
        consumerTeamId: t.b,
        apiId,
        method: 'GET',
        path: '/x',
        status: 200,
        latencyMs: 1,
        createdAt: new Date(NOW.getTime() - 1_000),
      },
    })
    const after = await listCalls({ teamId: t.a }, query({ cursor: first.nextCursor! }))
    expect(after.items.map((r) => r.id)).toEqual(before.items.map((r) => r.id))
    await db.invocation.delete({ where: { id: fresh.id } })
  })

  test('rows carry api name, version label and key prefix', async () => {
    const page: CallPage = await listCalls({ teamId: t.a }, query({ q: 'req-1' }))
    expect(page.items).toEqual([
      expect.objectContaining({
        requestId: 'req-1',
        apiName: 'Orders',
        version: 'v1',
        keyPrefix: 'tg_live_abc123',
        status: 200,
      }),
    ])
  })
})

describe('filters', () => {
  const count = async (teamId: string, params: Record<string, string>): Promise<number> => {
    let total = 0
    let cursor: string | null = null
    do {
      const page: CallPage = await listCalls({ teamId }, query(cursor ? { ...params, cursor } : params))
      total += page.items.length
      cursor = page.nextCursor
    } while (cursor)
    return total
  }
  // Expected counts are computed from the fixture once it exists, hence the functions.
  const byStatus = (keep: (s: number) => boolean) => () => rows.filter((r) => keep(r.status)).length

  test.each<[string, Record<string, string>, () => number]>([
    ['status class 5xx', { status: '5xx' }, byStatus((s) => s >= 500)],
    ['exact status 402', { status: '402' }, byStatus((s) => s === 402)],
    ['all errors', { status: 'errors' }, byStatus((s) => s >= 400)],
    ['3xx', { status: '3xx' }, byStatus((s) => s >= 300 && s < 400)],
    ['api (every 10th call went to Stock)', { api: 'API' }, () => 137 - 13],
    ['slow calls', { slow: '100' }, () => 37],
    ['last hour: the boundary is inclusive', { range: '1h' }, () => 137],
    [
      'a preset wins over leftover from/to',
      { range: '1h', from: '2020-01-01T00:00', to: '2020-01-02T00:00' },
      () => 137,
    ],
    [
      'from/to in UTC, to exclusive',
      { from: new Date(T0).toISOString(), to: new Date(T0 + 3_000).toISOString() },
      () => 9,
    ],
    ['datetime-local values are UTC', { from: '2026-11-24T14:00', to: '2026-11-24T14:00:01' }, () => 3],
    ['request id ignores the time range', { q: 'req-old' }, () => 1],
  ])('%s', async (_label, params, expected) => {
    const resolved = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === 'API' ? apiId : v]))
    expect(await count(t.a, resolved)).toBe(expected())
  })

  test('the incident filter lists its blocked calls whatever the time range, on both sides only', async () => {
    const incidentId = createId('inc')
    const blocked = [NOW.getTime() - 60_000, NOW.getTime() - 3 * 86_400_000].map((at, i) => ({
      id: createId('inv'),
      requestId: `req-blocked-${i}`,
      ownerTeamId: t.a,
      consumerTeamId: t.b,
      apiId,
      method: 'GET',
      path: '/gw/a/orders/v1',
      status: 402,
      errorCode: 'insufficient_balance',
      latencyMs: 1,
      incidentId,
      createdAt: new Date(at),
    }))
    await db.invocation.createMany({ data: blocked })
    try {
      const ids = async (teamId: string, params: Record<string, string>) =>
        (await listCalls({ teamId }, query({ incident: incidentId, ...params }))).items.map((r) => r.requestId)
      expect(await ids(t.b, { view: 'consumer' })).toEqual(['req-blocked-0', 'req-blocked-1'])
      expect(await ids(t.a, { range: '1h' })).toEqual(['req-blocked-0', 'req-blocked-1'])
      expect(await ids(t.c, {})).toEqual([])
      expect(await ids(t.c, { view: 'consumer' })).toEqual([])
      // Without the filter, the 3-day-old blocked call stays outside the default 24 h.
      expect(await count(t.a, { status: '402' })).toBe(byStatus((s) => s === 402)() + 1)
    } finally {
      await db.invocation.deleteMany({ where: { incidentId } })
    }
  })

  test('the key filter lists one key\'s calls in both views (the dashboards\' group-by-key drill-down); "none" the calls without a key', async () => {
    expect(await count(t.b, { view: 'consumer', key: keyId })).toBe(68)
    expect(await count(t.a, { key: keyId })).toBe(68)
    expect(await count(t.a, { key: 'none' })).toBe(137 - 68)
    // The owner's scope stays: a consumer's key never opens calls to another team's APIs.
    expect(await count(t.c, { key: keyId })).toBe(0)
  })
})

describe('consumer filter', () => {
  // D is a second consumer of A's Orders API: four calls today and one three days ago.
  let d = ''
  beforeAll(async () => {
    d = (await createTestTeam({ label: 'd', name: 'Team D' })).id
    await db.invocation.createMany({
      data: [0, 1, 2, 3, 3 * 86_400].map((secondsAgo, i) => ({
        id: createId('inv'),
        requestId: `req-d-${i}`,
        ownerTeamId: t.a,
        consumerTeamId: d,
        apiId: i === 3 ? otherApiId : apiId,
        method: 'GET',
        path: '/gw/a/orders/v1',
        status: 200,
        latencyMs: 1,
        costMicros: 1_000n,
        createdAt: new Date(NOW.getTime() - 60_000 - secondsAgo * 1_000),
      })),
    })
  })
  afterAll(async () => {
    await db.invocation.deleteMany({ where: { consumerTeamId: d } })
  })
  const requestIds = async (teamId: string, params: Record<string, string>) =>
    (await listCalls({ teamId }, query(params))).items.map((r) => r.requestId)

  test("the owner sees one consumer's calls, within the time range, and with the API filter", async () => {
    expect(await requestIds(t.a, { consumer: d })).toEqual(['req-d-0', 'req-d-1', 'req-d-2', 'req-d-3'])
    expect(await requestIds(t.a, { consumer: d, api: apiId })).toEqual(['req-d-0', 'req-d-1', 'req-d-2'])
    expect(await requestIds(t.a, { consumer: d, range: '7d' })).toHaveLength(5)
    const fromB = await listCalls({ teamId: t.a }, query({ consumer: t.b, api: otherApiId }))
    expect(fromB.items).toHaveLength(13)
    expect(fromB.items.every((r) => r.apiId === otherApiId && !r.requestId.startsWith('req-d'))).toBe(true)
    // Without the filter both consumers are listed.
    expect((await listCalls({ teamId: t.a }, query())).items.map((r) => r.requestId)).toEqual(
      expect.arrayContaining(['req-d-0', 'req-136']),
    )
  })

  test('in the consumer view, or for a team that does not own the API, it shows nothing extra', async () => {
    // B's own view ignores the parameter: still only B's calls, none of D's.
    const own = await requestIds(t.b, { view: 'consumer' })
    expect(await requestIds(t.b, { view: 'consumer', consumer: d })).toEqual(own)
    expect(own.some((id) => id.startsWith('req-d'))).toBe(false)
    // D itself, in its consumer view, with B named as the consumer: D's calls only.
    expect(await requestIds(d, { view: 'consumer', consumer: t.b })).toEqual([
      'req-d-0',
      'req-d-1',
      'req-d-2',
      'req-d-3',
    ])
    // Teams that own none of these calls see none of them, whoever they name.
    for (const teamId of [t.b, t.c, d]) expect(await requestIds(teamId, { consumer: d })).toEqual([])
    expect(await requestIds(t.c, { consumer: t.b })).toEqual([])
    // C does own the API A called: naming A finds exactly that call.
    expect(await requestIds(t.c, { consumer: t.a })).toEqual(['req-a-out'])
  })

  test('the filter cannot replace the team scope even if the parser is bypassed', async () => {
    const forged = { ...query({ view: 'consumer' }), consumerTeamId: d }
    const ids = (await listCalls({ teamId: t.b }, forged)).items.map((r) => r.requestId)
    expect(ids).toHaveLength(50)
    expect(ids.some((id) => id.startsWith('req-d'))).toBe(false)
  })

  test("the chip names a consumer only when it subscribes to one of the owner's APIs", async () => {
    expect((await listCallFilterOptions({ teamId: t.a }, { view: 'owner', consumerTeamId: d })).consumer).toEqual({
      id: d,
      name: null,
    })
    const planId = (
      await db.plan.create({ data: { id: createId('plan'), apiId, teamId: t.a, name: `Plan ${randomToken(4)}` } })
    ).id
    await db.subscription.create({
      data: { id: createId('sub'), apiId, planId, ownerTeamId: t.a, consumerTeamId: d, state: 'ACTIVE' },
    })
    expect((await listCallFilterOptions({ teamId: t.a }, { view: 'owner', consumerTeamId: d })).consumer).toEqual({
      id: d,
      name: 'Team D',
    })
    expect((await listCallFilterOptions({ teamId: t.c }, { view: 'owner', consumerTeamId: d })).consumer).toEqual({
      id: d,
      name: null,
    })
    expect((await listCallFilterOptions({ teamId: t.b }, { view: 'consumer', consumerTeamId: d })).consumer).toBeNull()
  })
})

describe('team scoping', () => {
  test('each team sees only the calls it owns or made', async () => {
    expect((await listCalls({ teamId: t.b }, query({ view: 'consumer' }))).items).toHaveLength(50)
    expect((await listCalls({ teamId: t.b }, query())).items).toEqual([])
    expect((await listCalls({ teamId: t.a }, query({ view: 'consumer' }))).items.map((r) => r.requestId)).toEqual([
      'req-a-out',
    ])
    for (const view of ['owner', 'consumer']) {
      const page: CallPage = await listCalls({ teamId: t.c }, query({ view }))
      expect(page.items.map((r) => r.requestId)).toEqual(view === 'owner' ? ['req-a-out'] : [])
    }
  })

  test('a request id from another team finds nothing', async () => {
    expect((await listCalls({ teamId: t.c }, query({ q: 'req-1' }))).items).toEqual([])
    expect((await listCalls({ teamId: t.c }, query({ q: 'req-1', view: 'consumer' }))).items).toEqual([])
  })
})

describe('getCall', () => {
  test('the owner sees the call with team names, timing and the key prefix but not its name', async () => {
    const call = await getCall({ teamId: t.a }, { callId: rows[1].id })
    expect(call).toMatchObject({
      requestId: 'req-1',
      viewerRole: 'owner',
      ownerTeam: { name: 'Team A' },
      consumerTeam: { name: 'Team B' },
      api: { name: 'Orders' },
      version: { version: 'v1' },
      key: { prefix: 'tg_live_abc123', name: null },
      latencyMs: 1,
      upstreamMs: 0,
      gatewayMs: 1,
    })
  })

  test('the consumer sees its own key name and the error code', async () => {
    const call = await getCall({ teamId: t.b }, { callId: rows[5].id })
    expect(call).toMatchObject({ viewerRole: 'consumer', status: 429, key: { name: 'CI key' } })
    expect(await getCall({ teamId: t.b }, { callId: rows[4].id })).toMatchObject({
      status: 402,
      errorCode: 'insufficient_balance',
    })
  })

  test("a 402 carries its cause and incident, a charged call its cost in the plan's currency, to both sides only", async () => {
    const planId = (
      await db.plan.create({
        data: {
          id: createId('plan'),
          apiId,
          teamId: t.a,
          name: 'Per call',
          paid: true,
          currency: 'EUR',
          pricePerCallMicros: 2_500n,
        },
      })
    ).id
    const subscriptionId = (
      await db.subscription.create({
        data: { id: createId('sub'), apiId, planId, ownerTeamId: t.a, consumerTeamId: t.b, state: 'ACTIVE' },
      })
    ).id
    const incidentId = (
      await db.paymentIncident.create({
        data: {
          id: createId('inc'),
          ownerTeamId: t.a,
          consumerTeamId: t.b,
          apiId,
          cause: 'budget_exceeded',
          firstSeenAt: NOW,
          lastSeenAt: NOW,
          blockedCalls: 1,
        },
      })
    ).id
    const call = (extra: Partial<Prisma.InvocationCreateManyInput> & { status: number }) => ({
      id: createId('inv'),
      requestId: createId('req'),
      ownerTeamId: t.a,
      consumerTeamId: t.b,
      apiId,
      subscriptionId,
      method: 'GET',
      path: '/x',
      latencyMs: 1,
      createdAt: NOW,
      ...extra,
    })
    const [paid, blocked, orphan, plain] = [
      call({ status: 200, costMicros: 2_500n }),
      call({ status: 402, errorCode: 'budget_exceeded', incidentId }),
      // An incident id that is not on record (or belongs to other teams) is never looked up as theirs.
      call({ status: 402, errorCode: 'insufficient_balance', incidentId: 'inc_elsewhere' }),
      call({ status: 500, subscriptionId: null }),
    ]
    await db.paymentIncident.create({
      data: {
        id: 'inc_elsewhere',
        ownerTeamId: t.c,
        consumerTeamId: t.c,
        apiId: 'api_x',
        cause: 'insufficient_balance',
        firstSeenAt: NOW,
        lastSeenAt: NOW,
      },
    })
    await db.invocation.createMany({ data: [paid, blocked, orphan, plain] })

    for (const teamId of [t.a, t.b]) {
      expect(await getCall({ teamId }, { callId: paid.id })).toMatchObject({
        costMicros: 2_500n,
        currency: 'EUR',
        planName: 'Per call',
        payment: null,
      })
      expect(await getCall({ teamId }, { callId: blocked.id })).toMatchObject({
        costMicros: 0n,
        payment: { cause: 'budget_exceeded', incident: { id: incidentId, state: 'OPEN' } },
      })
      expect(await getCall({ teamId }, { callId: orphan.id })).toMatchObject({
        incidentId: 'inc_elsewhere',
        payment: { cause: 'insufficient_balance', incident: null },
      })
      expect(await getCall({ teamId }, { callId: plain.id })).toMatchObject({
        costMicros: 0n,
        currency: 'USD',
        planName: null,
        payment: null,
      })
    }
    for (const id of [paid.id, blocked.id]) expect(await getCall({ teamId: t.c }, { callId: id })).toBeNull()
  })

  test('an unrelated team, or an unknown id, gets null (the page answers 404)', async () => {
    expect(await getCall({ teamId: t.c }, { callId: rows[1].id })).toBeNull()
    expect(await getCall({ teamId: t.a }, { callId: 'inv_does_not_exist' })).toBeNull()
  })
})

describe('AI calls', () => {
  test('model, provider, tokens, cost and the estimated flag are listed, and the model filter keeps the team scope', async () => {
    const at = new Date(NOW.getTime() - 60_000)
    const ai = (model: string, estimated: boolean, owner = t.a) => ({
      id: createId('inv'),
      requestId: `req-ai-${randomToken(8)}`,
      ownerTeamId: owner,
      consumerTeamId: t.b,
      apiId,
      method: 'POST',
      path: '/gw/a/assistant/v1/chat/completions',
      status: 200,
      latencyMs: 5,
      createdAt: at,
      model,
      provider: `${model}-upstream`,
      inputTokens: 12,
      outputTokens: 30,
      costMicros: 204n,
      usageEstimated: estimated,
    })
    await db.invocation.createMany({
      data: [ai('house-gpt', false), ai('house-claude', true), ai('house-gpt', false, t.c)],
    })
    await db.aiUsageRollup.create({
      data: {
        id: createId('air'),
        hour: new Date('2026-11-24T14:00:00Z'),
        ownerTeamId: t.a,
        consumerTeamId: t.b,
        apiId,
        model: 'house-gpt',
        provider: 'house-gpt-upstream',
        calls: 1,
      },
    })

    const page = await listCalls({ teamId: t.a }, query({ model: 'house-gpt' }))
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({
      model: 'house-gpt',
      provider: 'house-gpt-upstream',
      inputTokens: 12,
      outputTokens: 30,
      costMicros: 204n,
      usageEstimated: false,
    })
    const claude = await listCalls({ teamId: t.b }, query({ view: 'consumer', model: 'house-claude' }))
    expect(claude.items.map((c) => [c.model, c.usageEstimated])).toEqual([['house-claude', true]])
    // C's call with the same model is not A's to see.
    expect((await listCalls({ teamId: t.c }, query({ model: 'house-claude' }))).items).toEqual([])
    // A model name that is not a model name is ignored, never an error.
    expect(query({ model: "x' OR 1=1 --" }).model).toBeUndefined()
    expect((await listCallFilterOptions({ teamId: t.a }, { view: 'owner' })).models).toEqual(['house-gpt'])
    expect((await listCallFilterOptions({ teamId: t.c }, { view: 'owner' })).models).toEqual([])
  })
})
