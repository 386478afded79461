import OpenAI, { APIError } from 'openai'
import { microsToDecimal } from '@/lib/billing/money'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { fundAccount, ledgerOf } from '@/lib/charging/test-billing-world'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { seedAiWorld, writtenInvocation, type AiWorld } from './test-ai-world'

// The official openai SDK, unchanged, against the real gateway and the demo AI provider: chat,
// streaming with usage (and its cost), the model list, and the errors it must surface (401, 402
// with its cause, an unknown model), each billed (or not) in the ledger.

let testDb: TestDatabase
let demo: DemoUpstream
let gw: TestGateway
let world: AiWorld
let client: OpenAI

const START_BALANCE = 10_000_000n // 10.00 USD

beforeAll(async () => {
  testDb = await setupTestDatabase()
  demo = await startDemoUpstream(0)
  world = await seedAiWorld(testDb.db, {
    providers: [{ name: 'Demo OpenAI', kind: 'OPENAI', baseUrl: `${demo.url}/ai/openai/v1`, apiKey: 'sk-demo-1234' }],
    models: [{ name: 'demo-gpt', provider: 'Demo OpenAI', providerModel: 'demo-chat', maxOutputTokens: 200 }],
    exposed: [{ name: 'gpt-tollgate', isDefault: true, targets: [{ model: 'demo-gpt' }] }],
    plan: { pricePerCallMicros: 100n, pricePerMInputMicros: 2_000_000n, pricePerMOutputMicros: 8_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, START_BALANCE)
  // On SQLite, no URL: this file's calls are metered through the Prisma sink, the others' through the
  // SQLite thread (PostgreSQL always uses Prisma and needs the URL to pick its SQL dialect).
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.provider === 'postgres' ? testDb.url : undefined })
  client = new OpenAI({ apiKey: world.key.value, baseURL: gw.url + world.basePath, maxRetries: 0 })
})

afterAll(async () => {
  await gw?.close()
  await demo?.close()
  await testDb?.cleanup()
})

const expectedCost = (input: number, output: number) =>
  100n + (BigInt(input) * 2_000_000n + 999_999n) / 1_000_000n + (BigInt(output) * 8_000_000n + 999_999n) / 1_000_000n

test('a chat completion answers in OpenAI format, names what served it and costs what the ledger charges', async () => {
  const before = await ledgerOf(testDb.db, world.initech.id)
  const { data, response } = await client.chat.completions
    .create({ model: 'gpt-tollgate', messages: [{ role: 'user', content: 'Say hello to the gateway' }] })
    .withResponse()
  expect(data.object).toBe('chat.completion')
  expect(data.model).toBe('gpt-tollgate')
  expect(data.choices[0].message.content).toMatch(/gateway/i)
  expect(data.usage!.prompt_tokens).toBeGreaterThan(0)
  expect(response.headers.get('x-tollgate-model')).toBe('demo-gpt')
  expect(response.headers.get('x-tollgate-provider')).toBe('Demo OpenAI')
  const cost = expectedCost(data.usage!.prompt_tokens, data.usage!.completion_tokens)
  expect(response.headers.get('x-tollgate-cost')).toBe(microsToDecimal(cost))

  const row = await writtenInvocation(testDb.db, response.headers.get('x-request-id')!)
  expect(row).toMatchObject({ status: 200, costMicros: cost, inputTokens: data.usage!.prompt_tokens })
  await gw.gateway.writer.flush()
  const after = await ledgerOf(testDb.db, world.initech.id)
  expect(before.balance - after.balance).toBe(cost)
})

test('a streamed completion arrives in several chunks and its final usage chunk carries the cost', async () => {
  const { data: stream, response } = await client.chat.completions
    .create({
      model: 'gpt-tollgate',
      messages: [{ role: 'user', content: 'Stream a few words please' }],
      stream: true,
      stream_options: { include_usage: true },
    })
    .withResponse()
  let text = ''
  let contentChunks = 0
  let usage: (OpenAI.CompletionUsage & { cost?: string }) | null = null
  for await (const chunk of stream) {
    const piece = chunk.choices[0]?.delta?.content
    if (piece) {
      text += piece
      contentChunks += 1
    }
    if (chunk.usage) usage = chunk.usage
  }
  expect(contentChunks).toBeGreaterThan(1)
  expect(text).toMatch(/words/i)
  expect(usage).not.toBeNull()
  const cost = expectedCost(usage!.prompt_tokens, usage!.completion_tokens)
  expect(usage!.cost).toBe(microsToDecimal(cost))
  const row = await writtenInvocation(testDb.db, response.headers.get('x-request-id')!)
  expect(row).toMatchObject({ model: 'gpt-tollgate', provider: 'demo-gpt', attempts: 1, costMicros: cost })
  expect(row.ttftMs).toBeGreaterThan(0)
  await gw.gateway.writer.flush()
  const rollup = await testDb.db.aiUsageRollup.findFirstOrThrow({ where: { consumerTeamId: world.initech.id } })
  expect(rollup).toMatchObject({ model: 'gpt-tollgate', provider: 'demo-gpt', calls: 2 })
})

test('GET /models lists the exposed models in OpenAI list format', async () => {
  const page = await client.models.list()
  expect(page.data.map((m) => m.id)).toEqual(['gpt-tollgate'])
  expect(page.data[0].object).toBe('model')
})

test('an unknown model is a 404 the SDK shows with its message and code', async () => {
  const error = await client.chat.completions
    .create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenAI.NotFoundError)
  expect((error as APIError).code).toBe('model_not_found')
  expect((error as APIError).message).toContain('no-such-model')
})

test('a wrong key is a 401 AuthenticationError', async () => {
  const stranger = new OpenAI({ apiKey: 'tg_test_wrong', baseURL: gw.url + world.basePath, maxRetries: 0 })
  const error = await stranger.models.list().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
  expect((error as APIError).code).toBe('invalid_key')
})

test('an empty balance is a 402 with code insufficient_balance, and nothing is charged', async () => {
  const broke = await seedAiWorld(testDb.db, {
    providers: [{ name: 'Demo OpenAI', kind: 'OPENAI', baseUrl: `${demo.url}/ai/openai/v1` }],
    models: [{ name: 'demo-gpt', provider: 'Demo OpenAI', providerModel: 'demo-chat' }],
    exposed: [{ name: 'gpt-tollgate', targets: [{ model: 'demo-gpt' }] }],
    plan: { pricePerMInputMicros: 1_000_000n, pricePerMOutputMicros: 1_000_000n },
  })
  await gw.gateway.store.reload()
  const poor = new OpenAI({ apiKey: broke.key.value, baseURL: gw.url + broke.basePath, maxRetries: 0 })
  const error = await poor.chat.completions
    .create({ model: 'gpt-tollgate', messages: [{ role: 'user', content: 'hi' }] })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenAI.APIError)
  expect((error as APIError).status).toBe(402)
  expect((error as APIError).code).toBe('insufficient_balance')
  expect((await ledgerOf(testDb.db, broke.initech.id)).charged).toBe(0n)
})

test('a token plan with free calls: the first call is free (cost 0.00), the next is charged at its usage', async () => {
  const trial = await seedAiWorld(testDb.db, {
    providers: [{ name: 'Demo OpenAI', kind: 'OPENAI', baseUrl: `${demo.url}/ai/openai/v1` }],
    models: [{ name: 'demo-gpt', provider: 'Demo OpenAI', providerModel: 'demo-chat' }],
    exposed: [{ name: 'gpt-tollgate', targets: [{ model: 'demo-gpt' }] }],
    plan: { freeCallsPerMonth: 1, pricePerMInputMicros: 1_000_000n, pricePerMOutputMicros: 1_000_000n },
  })
  await fundAccount(testDb.db, trial.initech.id, 1_000_000n)
  await gw.gateway.store.reload()
  const trialClient = new OpenAI({ apiKey: trial.key.value, baseURL: gw.url + trial.basePath, maxRetries: 0 })
  const ask = () =>
    trialClient.chat.completions
      .create({ model: 'gpt-tollgate', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse()
  const free = await ask()
  expect(free.response.headers.get('x-tollgate-cost')).toBe('0.00')
  const paid = await ask()
  const usage = paid.data.usage!
  const cost = BigInt(usage.prompt_tokens + usage.completion_tokens)
  expect(paid.response.headers.get('x-tollgate-cost')).toBe(microsToDecimal(cost))
  await gw.gateway.writer.flush()
  expect((await ledgerOf(testDb.db, trial.initech.id)).charged).toBe(cost)
})
