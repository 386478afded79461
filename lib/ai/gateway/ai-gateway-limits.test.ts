import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { providerReply } from './test-provider-replies'
import { startSlowProvider, type SlowProvider } from './test-slow-provider'
import { seedAiWorld, type AiWorld } from './test-ai-world'

// The plan's tokens per minute (429 with Retry-After, counting a call's worst case while it runs
// and what it used once settled), and the lifecycle on AI routes: deprecation headers, then 410,
// each error with the OpenAI member the SDK reads.

const USAGE = { input: 10, output: 5 }
const TOKENS_PER_MINUTE = 500

let testDb: TestDatabase
let gw: TestGateway
let world: AiWorld
let provider: SlowProvider

beforeAll(async () => {
  testDb = await setupTestDatabase()
  provider = await startSlowProvider(providerReply('OPENAI', { text: 'a b c d e', usage: USAGE }), 60)
  world = await seedAiWorld(testDb.db, {
    providers: [{ name: 'slow', kind: 'OPENAI', baseUrl: `${provider.url}/v1` }],
    models: [{ name: 'served', provider: 'slow', maxOutputTokens: 1_000 }],
    exposed: [{ name: 'chat', targets: [{ model: 'served' }] }],
    // A free plan: the limit applies whatever the price.
    plan: { paid: false, tokensPerMinute: TOKENS_PER_MINUTE },
  })
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await provider?.close()
  await testDb?.cleanup()
})

async function chat(maxTokens: number) {
  const res = await request(`${gw.url}${world.basePath}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'chat',
      max_tokens: maxTokens,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  })
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() }
}

test('tokens per minute: a call that would pass the limit while another runs is a 429 with Retry-After', async () => {
  // The limit counts per clock minute: start well inside one, so no window ends mid-test.
  const intoMinute = Date.now() % 60_000
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute))
  const running = chat(300)
  // Let the first call reserve its 300+ tokens before the second asks for as many.
  await new Promise((resolve) => setTimeout(resolve, 100))
  const refused = await chat(300)
  expect(refused.status).toBe(429)
  const retryAfter = Number(refused.headers['retry-after'])
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  const body = JSON.parse(refused.text)
  expect(body.code).toBe('token_rate_limited')
  expect(body.error).toMatchObject({ type: 'rate_limit_error', code: 'token_rate_limited' })
  expect((await running).status).toBe(200)

  // Settled at its usage (15 tokens), the first call leaves room for another of the same size.
  expect((await chat(300)).status).toBe(200)
  // One call that can never fit the minute's budget is refused at once.
  expect((await chat(TOKENS_PER_MINUTE + 1)).status).toBe(429)
})

test('a deprecated AI version answers with deprecation headers; a retired one is a 410 in OpenAI shape', async () => {
  await testDb.db.apiVersion.update({
    where: { id: world.versionId },
    data: {
      state: 'DEPRECATED',
      deprecatedAt: new Date('2026-01-01T00:00:00Z'),
      sunsetAt: new Date('2027-01-01T00:00:00Z'),
    },
  })
  await publishConfigChange(testDb.db)
  await gw.gateway.store.reload()
  const models = await request(`${gw.url}${world.basePath}/models`, {
    headers: { authorization: `Bearer ${world.key.value}` },
  })
  expect(models.statusCode).toBe(200)
  expect(models.headers.deprecation).toBeDefined()
  expect(models.headers.sunset).toBeDefined()
  expect((await models.body.json()) as unknown).toMatchObject({ object: 'list', data: [{ id: 'chat' }] })

  await testDb.db.apiVersion.update({ where: { id: world.versionId }, data: { state: 'RETIRED' } })
  await publishConfigChange(testDb.db)
  await gw.gateway.store.reload()
  const gone = await chat(10)
  expect(gone.status).toBe(410)
  expect(JSON.parse(gone.text)).toMatchObject({
    code: 'version_retired',
    error: { code: 'version_retired', type: 'invalid_request_error' },
  })
})
