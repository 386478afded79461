import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { microsToDecimal } from '@/lib/billing/money'
import { fundAccount, ledgerOf } from '@/lib/charging/test-billing-world'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startProviderUpstream, type ProviderUpstream } from '../providers/test-provider-upstream'
import { providerReply } from './test-provider-replies'
import { seedAiWorld, writtenInvocation, type AiWorld, type ModelSeed } from './test-ai-world'

// Fallback and balancing through the real gateway: a first provider that answers 500, one that
// never answers (the version's timeout), one that answers 429, each followed by one that serves;
// the failed attempt is counted but never charged. A target that keeps failing is cooled down and
// skipped; a WEIGHTED route splits calls by weight.

const USAGE = { input: 10, output: 5 }
// 10 input tokens at 1.00/1M and 5 output at 2.00/1M.
const COST = 10n + 10n
const COST_TEXT = microsToDecimal(COST)

let testDb: TestDatabase
let gw: TestGateway
let world: AiWorld
let hang: { url: string; server: Server }
const up: Record<string, ProviderUpstream> = {}

async function startHangingUpstream() {
  const server = createServer(() => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const modelOn = (name: string, provider: string): ModelSeed => ({
  name,
  provider,
  inputMicrosPerM: 0n,
  outputMicrosPerM: 0n,
})

beforeAll(async () => {
  testDb = await setupTestDatabase()
  const good = (text: string) => startProviderUpstream(providerReply('OPENAI', { text, usage: USAGE }))
  up.good = await good('served by the good provider')
  up.a = await good('served by a')
  up.b = await good('served by b')
  up.failing = await startProviderUpstream({ status: 500, body: { error: { message: 'boom' } } })
  up.cooling = await startProviderUpstream({ status: 503, body: { error: { message: 'overloaded' } } })
  up.limited = await startProviderUpstream({ status: 429, body: { error: { message: 'slow down' } } })
  hang = await startHangingUpstream()
  const providers = Object.entries({
    ...Object.fromEntries(Object.entries(up).map(([k, v]) => [k, v.url])),
    hang: hang.url,
  })
  world = await seedAiWorld(testDb.db, {
    timeoutMs: 500,
    providers: providers.map(([name, url]) => ({ name, kind: 'OPENAI' as const, baseUrl: `${url}/v1` })),
    models: [
      ...['good', 'a', 'b', 'failing', 'limited', 'hang', 'cooling'].map((p) => modelOn(`on-${p}`, p)),
      // Separate models on the same upstreams, so each route has targets (and cooldowns) of its own.
      modelOn('on-good-2', 'good'),
      modelOn('on-good-3', 'good'),
      modelOn('on-good-4', 'good'),
      modelOn('on-failing-2', 'failing'),
    ],
    exposed: [
      { name: 'after-500', targets: [{ model: 'on-failing' }, { model: 'on-good' }] },
      { name: 'after-timeout', targets: [{ model: 'on-hang' }, { model: 'on-good-2' }] },
      { name: 'after-429', targets: [{ model: 'on-limited' }, { model: 'on-good-3' }] },
      { name: 'all-down', targets: [{ model: 'on-failing-2' }, { model: 'on-limited' }] },
      { name: 'cooled', targets: [{ model: 'on-cooling' }, { model: 'on-good-4' }] },
      {
        name: 'split',
        strategy: 'WEIGHTED',
        targets: [
          { model: 'on-a', weight: 3 },
          { model: 'on-b', weight: 1 },
        ],
      },
    ],
    plan: { pricePerMInputMicros: 1_000_000n, pricePerMOutputMicros: 2_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, 1_000_000n)
  // Evenly spaced draws (1/16, 3/16, ...): over 8 calls, weights 3:1 give exactly 6 and 2.
  let draw = 0
  gw = await startTestGateway({
    db: testDb.db,
    databaseUrl: testDb.url,
    aiCooldown: { failures: 2, cooldownMs: 60_000 },
    aiRandom: () => ((draw++ % 8) + 0.5) / 8,
  })
})

afterAll(async () => {
  await gw?.close()
  for (const upstream of Object.values(up)) await upstream.close()
  hang?.server.closeAllConnections()
  hang?.server.close()
  await testDb?.cleanup()
})

async function chat(model: string, stream = false) {
  const res = await request(`${gw.url}${world.basePath}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello' }], stream }),
  })
  const text = await res.body.text()
  return { status: res.statusCode, headers: res.headers, text }
}

test.each([
  ['after-500', 'on-good', () => up.failing],
  ['after-timeout', 'on-good-2', null],
  ['after-429', 'on-good-3', () => up.limited],
])('%s: the next target serves, and only the serving attempt is charged', async (model, served, failed) => {
  await gw.gateway.writer.flush()
  const before = await ledgerOf(testDb.db, world.initech.id)
  const failedBefore = failed?.().received.length ?? 0
  const answer = await chat(model)
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.text).choices[0].message.content).toBe('served by the good provider')
  expect(answer.headers['x-tollgate-model']).toBe(served)
  expect(answer.headers['x-tollgate-cost']).toBe(COST_TEXT)
  if (failed) expect(failed().received.length).toBe(failedBefore + 1)
  const row = await writtenInvocation(testDb.db, String(answer.headers['x-request-id']))
  expect(row).toMatchObject({ status: 200, attempts: 2, provider: served, costMicros: COST })
  await gw.gateway.writer.flush()
  expect(before.balance - (await ledgerOf(testDb.db, world.initech.id)).balance).toBe(COST)
})

test('a stream falls back the same way, before any byte reaches the client', async () => {
  const answer = await chat('after-500', true)
  expect(answer.status).toBe(200)
  expect(answer.headers['x-tollgate-model']).toBe('on-good')
  expect(answer.text).toContain('served ')
  expect(answer.text.trim().endsWith('data: [DONE]')).toBe(true)
})

test('when every target fails the call is a 502 in OpenAI shape and costs nothing', async () => {
  await gw.gateway.writer.flush()
  const before = await ledgerOf(testDb.db, world.initech.id)
  const answer = await chat('all-down')
  expect(answer.status).toBe(502)
  const body = JSON.parse(answer.text)
  expect(body.code).toBe('provider_unavailable')
  expect(body.error).toMatchObject({ type: 'api_error', code: 'provider_unavailable' })
  const row = await writtenInvocation(testDb.db, String(answer.headers['x-request-id']))
  expect(row).toMatchObject({ status: 502, attempts: 2, costMicros: 0n })
  await gw.gateway.writer.flush()
  expect((await ledgerOf(testDb.db, world.initech.id)).balance).toBe(before.balance)
  const rollup = await testDb.db.aiUsageRollup.findFirstOrThrow({ where: { model: 'all-down' } })
  expect(rollup).toMatchObject({ calls: 1, failedCalls: 1, costMicros: 0n })
})

test('a target that keeps failing is cooled down and skipped', async () => {
  for (let i = 0; i < 2; i++) expect((await chat('cooled')).status).toBe(200)
  expect(up.cooling.received).toHaveLength(2)
  const third = await chat('cooled')
  expect(third.status).toBe(200)
  // Cooled down after two failures in a row: the third call goes straight to the second target.
  expect(up.cooling.received).toHaveLength(2)
  const row = await writtenInvocation(testDb.db, String(third.headers['x-request-id']))
  expect(row.attempts).toBe(1)
  await gw.gateway.writer.flush()
  const rollup = await testDb.db.aiUsageRollup.findFirstOrThrow({ where: { model: 'cooled' } })
  expect(rollup).toMatchObject({ calls: 3, fallbackCalls: 2 })
})

test('a WEIGHTED route splits calls by weight', async () => {
  const served: string[] = []
  for (let i = 0; i < 8; i++) served.push(String((await chat('split')).headers['x-tollgate-model']))
  expect(served.filter((m) => m === 'on-a')).toHaveLength(6)
  expect(served.filter((m) => m === 'on-b')).toHaveLength(2)
  expect(up.a.received).toHaveLength(6)
  expect(up.b.received).toHaveLength(2)
})
