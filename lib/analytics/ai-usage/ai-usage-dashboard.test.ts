import { afterAll, beforeAll, expect, test } from 'vitest'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import { createId } from '@/lib/ids'
import { createBatchSink, InvocationWriter } from '@/lib/metering/invocation-writer'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { callLogHref, type CallLogLink } from '@/lib/calls/call-log-href'
import { listCalls } from '@/lib/calls/list-calls'
import { parseCallLogQuery } from '@/lib/calls/schemas'
import { resolveDashboardWindow, type DashboardRequest } from '../dashboard-window'
import { getAiCostOverTime } from './get-ai-cost-over-time'
import { getAiLatencyPercentiles } from './get-ai-latency-percentiles'
import { getAiProviderShare } from './get-ai-provider-share'
import { getAiReliabilityOverTime } from './get-ai-reliability-over-time'
import { getAiTokensOverTime } from './get-ai-tokens-over-time'
import { getAiTopParties } from './get-ai-top-parties'
import { getAiUsageSummary } from './get-ai-usage-summary'

// Every figure of the AI usage dashboard on calls written by the real metering writer: the
// owner sees every consumer of its AI API, each consumer only its own calls, and a call outside
// the window or to another team's API never shows.

let testDb: TestDatabase
const now = new Date()
const window = resolveDashboardWindow('24h', now)
const hourAgo = now.getTime() - 3_600_000
let owner = ''
let consumer = ''
let other = ''
let apiId = ''
let seq = 0

function call(overrides: Partial<InvocationRecord>): InvocationRecord {
  return {
    requestId: `dash-${++seq}`,
    createdAt: hourAgo,
    ownerTeamId: owner,
    consumerTeamId: consumer,
    apiId,
    versionId: 'ver_ai',
    keyId: null,
    subscriptionId: null,
    method: 'POST',
    path: '/gw/o/assistant/v1/chat/completions',
    status: 200,
    errorCode: null,
    latencyMs: 800,
    upstreamMs: 790,
    requestBytes: 10,
    responseBytes: 10,
    inputTokens: 100,
    outputTokens: 50,
    costMicros: 1_000n,
    incidentId: null,
    planId: null,
    billable: false,
    blockedMicros: 0n,
    chargeLabel: null,
    model: 'chat',
    provider: 'gpt-main',
    usageEstimated: false,
    attempts: 1,
    ttftMs: null,
    ...overrides,
  }
}

beforeAll(async () => {
  testDb = await setupTestDatabase()
  owner = (await createTestTeam({ label: 'owner' })).id
  consumer = (await createTestTeam({ label: 'consumer', name: 'Consumer One' })).id
  other = (await createTestTeam({ label: 'other', name: 'Other Consumer' })).id
  const api = await testDb.db.api.create({
    data: { id: createId('api'), teamId: owner, slug: `assistant-${seq}`, name: 'Assistant', kind: 'AI_CHAT' },
  })
  apiId = api.id
  const provider = await testDb.db.aiProvider.create({
    data: { id: createId('aip'), teamId: owner, name: 'Main provider', kind: 'OPENAI_COMPATIBLE', baseUrl: 'http://x' },
  })
  for (const name of ['gpt-main', 'gpt-backup'])
    await testDb.db.aiModel.create({
      data: {
        id: createId('aim'),
        teamId: owner,
        providerId: provider.id,
        name,
        providerModel: name,
        contextWindow: 1000,
        maxOutputTokens: 100,
      },
    })

  const writer = new InvocationWriter(createBatchSink(testDb.db, testDb.url))
  // consumer: 3 calls on "chat" (one via fallback), 1 estimated call on "mini", 1 failed call.
  writer.record(call({ latencyMs: 700, ttftMs: 150 }))
  writer.record(call({ latencyMs: 900, ttftMs: 300 }))
  writer.record(call({ provider: 'gpt-backup', attempts: 2, latencyMs: 4_000, costMicros: 2_000n }))
  writer.record(call({ model: 'mini', usageEstimated: true, latencyMs: 300, costMicros: 500n, outputTokens: 10 }))
  writer.record(
    call({
      status: 502,
      errorCode: 'upstream_unreachable',
      provider: null,
      costMicros: 0n,
      inputTokens: 0,
      outputTokens: 0,
    }),
  )
  // Refused before any provider call (a context-window 400, a 402, a 429): AI calls that no
  // figure counts. And a model answer the output check refused twice: failed, with a provider.
  for (const [status, errorCode] of [
    [400, 'context_length_exceeded'],
    [402, 'insufficient_balance'],
    [429, 'rate_limited'],
  ] as const)
    writer.record(call({ status, errorCode, provider: null, costMicros: 0n, inputTokens: 0, outputTokens: 0 }))
  writer.record(
    call({
      model: 'mini',
      status: 502,
      errorCode: 'invalid_model_output',
      costMicros: 0n,
      inputTokens: 0,
      outputTokens: 0,
    }),
  )
  // other consumer: one big call; and one call two days ago, outside the 24 h window.
  writer.record(call({ consumerTeamId: other, inputTokens: 1_000, outputTokens: 500, costMicros: 9_000n }))
  writer.record(call({ createdAt: now.getTime() - 2 * 86_400_000, costMicros: 50_000n }))
  await writer.close()
})
afterAll(async () => testDb?.cleanup())

const ownerView = (): [{ teamId: string }, DashboardRequest] => [{ teamId: owner }, { view: 'owner', window }]
const consumerView = (): [{ teamId: string }, DashboardRequest] => [{ teamId: consumer }, { view: 'consumer', window }]

test('the summary counts calls, tokens, cost and the estimated share for each side', async () => {
  expect(await getAiUsageSummary(...ownerView())).toMatchObject({
    calls: 7,
    inputTokens: 1_400,
    costMicros: 13_500n,
    estimatedCalls: 1,
    fallbackCalls: 1,
    failedCalls: 2,
  })
  const mine = await getAiUsageSummary(...consumerView())
  expect(mine).toMatchObject({ calls: 6, inputTokens: 400, outputTokens: 160, costMicros: 4_500n, estimatedCalls: 1 })
  expect(mine.estimatedShare).toBeCloseTo(1 / 6)
  // The owner's team made no AI calls of its own; the other consumer never sees the first one's.
  expect((await getAiUsageSummary({ teamId: owner }, { view: 'consumer', window })).calls).toBe(0)
  expect((await getAiUsageSummary({ teamId: other }, { view: 'consumer', window })).costMicros).toBe(9_000n)
})

test('tokens and cost over time land in the hour of the calls; cost is split by model', async () => {
  const tokens = await getAiTokensOverTime(...consumerView())
  expect(tokens).toHaveLength(24)
  const busy = tokens.filter((p) => p.calls > 0)
  expect(busy).toHaveLength(1)
  expect(busy[0]).toMatchObject({ inputTokens: 400, outputTokens: 160 })
  expect(new Date(busy[0].from).getTime()).toBeLessThanOrEqual(hourAgo)
  expect(new Date(busy[0].to).getTime()).toBeGreaterThan(hourAgo)

  const cost = await getAiCostOverTime(...ownerView())
  expect(cost.models).toEqual(['chat', 'mini'])
  const point = cost.points.find((p) => p.from === busy[0].from)!
  expect(point.costs).toEqual({ chat: 13_000, mini: 500 })
})

test('fallbacks and provider errors over time', async () => {
  const points = (await getAiReliabilityOverTime(...consumerView())).filter(
    (p) => p.firstTry + p.fallback + p.failed > 0,
  )
  expect(points.map(({ firstTry, fallback, failed }) => ({ firstTry, fallback, failed }))).toEqual([
    { firstTry: 3, fallback: 1, failed: 2 },
  ])
})

test('latency and TTFT percentiles per model and per provider model, from the histograms', async () => {
  const { byModel, byProvider } = await getAiLatencyPercentiles(...consumerView())
  expect(byModel.map((r) => [r.name, r.calls, r.ttftCalls])).toEqual([
    ['chat', 3, 2],
    ['mini', 1, 0],
  ])
  const chat = byModel[0]
  // 700 and 900 ms fall in the (500, 1000] bucket, 4000 ms in (2000, 5000].
  expect(chat.latency.p50).toBeGreaterThan(500)
  expect(chat.latency.p50).toBeLessThanOrEqual(1_000)
  expect(chat.latency.p99).toBeGreaterThan(2_000)
  expect(chat.ttft.p50).toBeGreaterThan(100)
  expect(chat.ttft.p99).toBeLessThanOrEqual(500)
  expect(byModel[1].ttft.p50).toBeNull()
  expect(byProvider.map((r) => [r.name, r.providerName, r.calls])).toEqual([
    ['gpt-main', 'Main provider', 3],
    ['gpt-backup', 'Main provider', 1],
  ])
})

test('which provider model served how much; failures are counted apart', async () => {
  const { providers, failedCalls } = await getAiProviderShare(...ownerView())
  expect(failedCalls).toBe(2)
  expect(providers.map((p) => [p.provider, p.calls, p.fallbackCalls, p.costMicros])).toEqual([
    ['gpt-main', 5, 0, 11_500n],
    ['gpt-backup', 1, 1, 2_000n],
  ])
  expect(providers[0].share).toBeCloseTo(5 / 6)
})

test('an owner sees its top consumers; a consumer its top APIs, and only its own calls', async () => {
  expect((await getAiTopParties(...ownerView())).map((p) => [p.name, p.calls, p.costMicros])).toEqual([
    ['Other Consumer', 1, 9_000n],
    ['Consumer One', 6, 4_500n],
  ])
  const apis = await getAiTopParties(...consumerView())
  expect(apis).toHaveLength(1)
  expect(apis[0]).toMatchObject({ id: apiId, calls: 6, inputTokens: 400, costMicros: 4_500n })
  expect(apis[0].name).toMatch(/\/assistant-/)
})

/** The calls a dashboard link opens in the call log, as the page parses and lists them. */
async function opened(teamId: string, link: CallLogLink) {
  const params = Object.fromEntries(new URL(callLogHref('t', link), 'http://x').searchParams)
  return (await listCalls({ teamId }, { ...parseCallLogQuery(params), pageSize: 100 })).items
}

test('every drill-down opens exactly the calls its figure counts, never the refused ones', async () => {
  const [scope, request] = consumerView()
  const base = { view: 'consumer' as const, from: window.from, to: window.to }
  const summary = await getAiUsageSummary(scope, request)
  const tiles = await opened(consumer, { ...base, ai: 'reached' })
  expect(tiles).toHaveLength(summary.calls)
  expect(tiles.some((c) => c.errorCode === 'context_length_exceeded' || c.status === 402 || c.status === 429)).toBe(
    false,
  )
  expect(await opened(consumer, { ...base, ai: 'reached', estimated: true })).toHaveLength(summary.estimatedCalls)

  const { byModel, byProvider } = await getAiLatencyPercentiles(scope, request)
  for (const row of byModel) {
    expect(await opened(consumer, { ...base, ai: 'served', model: row.name })).toHaveLength(row.calls)
  }
  for (const row of byProvider) {
    expect(await opened(consumer, { ...base, ai: 'served', provider: row.name })).toHaveLength(row.calls)
  }
  // Without the scope the model's list would hold the three refused calls and the failed one too.
  expect(await opened(consumer, { ...base, model: 'chat' })).toHaveLength(byModel[0].calls + 4)

  const [party] = await getAiTopParties(scope, request)
  expect(await opened(consumer, { ...base, ai: 'reached', api: party.id })).toHaveLength(party.calls)
  const cost = await getAiCostOverTime(scope, request)
  const point = cost.points.find((p) => p.costs.chat > 0)!
  const chatCalls = await opened(consumer, {
    view: 'consumer',
    from: point.from,
    to: point.to,
    ai: 'reached',
    model: 'chat',
  })
  expect(chatCalls.reduce((sum, c) => sum + Number(c.costMicros), 0)).toBe(point.costs.chat)
  expect(chatCalls.every((c) => c.provider !== null || c.status >= 500)).toBe(true)
})

test('each reliability segment and the fallback tile open exactly the calls they count', async () => {
  for (const [teamId, view] of [
    [consumer, 'consumer'],
    [owner, 'owner'],
  ] as const) {
    const request: DashboardRequest = { view, window }
    const points = await getAiReliabilityOverTime({ teamId }, request)
    const segments = { firstTry: 'first', fallback: 'fallback' } as const
    for (const point of points) {
      const bar = { view, from: point.from, to: point.to, ai: 'reached' as const }
      for (const [key, attempts] of Object.entries(segments) as Array<[keyof typeof segments, 'first' | 'fallback']>)
        expect(await opened(teamId, { ...bar, attempts })).toHaveLength(point[key])
      expect(await opened(teamId, { ...bar, status: '5xx' })).toHaveLength(point.failed)
    }
    const busy = points.find((p) => p.firstTry > 0)!
    // The model answer refused twice was served by gpt-main, yet failed: never "first try".
    expect(busy).toMatchObject(view === 'consumer' ? { firstTry: 3, fallback: 1 } : { firstTry: 4, fallback: 1 })
    const summary = await getAiUsageSummary({ teamId }, request)
    const tile = { view, from: window.from, to: window.to, ai: 'reached' as const, attempts: 'fallback' as const }
    expect(await opened(teamId, tile)).toHaveLength(summary.fallbackCalls)
    const { providers } = await getAiProviderShare({ teamId }, request)
    for (const p of providers)
      expect(await opened(teamId, { ...tile, provider: p.provider })).toHaveLength(p.fallbackCalls)
  }
})
