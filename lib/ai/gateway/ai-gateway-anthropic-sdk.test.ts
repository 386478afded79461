import Anthropic from '@anthropic-ai/sdk'
import { microsToDecimal } from '@/lib/billing/money'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { fundAccount, ledgerOf } from '@/lib/charging/test-billing-world'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { seedAiWorld, type AiWorld } from './test-ai-world'

// The official @anthropic-ai/sdk against the gateway's Messages endpoint, over a model served by
// an Anthropic-format provider and one served by an OpenAI-format provider (the demo AI provider
// speaks both): the answer, the stream and the errors in Anthropic's shapes, billed from usage.

let testDb: TestDatabase
let demo: DemoUpstream
let gw: TestGateway
let world: AiWorld
let client: Anthropic

beforeAll(async () => {
  testDb = await setupTestDatabase()
  demo = await startDemoUpstream(0)
  world = await seedAiWorld(testDb.db, {
    providers: [
      { name: 'Demo Anthropic', kind: 'ANTHROPIC', baseUrl: `${demo.url}/ai/anthropic/v1`, apiKey: 'sk-ant-demo' },
      { name: 'Demo OpenAI', kind: 'OPENAI', baseUrl: `${demo.url}/ai/openai/v1`, apiKey: 'sk-demo' },
    ],
    models: [
      { name: 'demo-claude', provider: 'Demo Anthropic', providerModel: 'claude-demo', maxOutputTokens: 300 },
      { name: 'demo-gpt', provider: 'Demo OpenAI', providerModel: 'demo-chat', maxOutputTokens: 300 },
    ],
    exposed: [
      { name: 'claude-tollgate', isDefault: true, targets: [{ model: 'demo-claude' }] },
      { name: 'gpt-tollgate', targets: [{ model: 'demo-gpt' }] },
    ],
    plan: { pricePerMInputMicros: 3_000_000n, pricePerMOutputMicros: 15_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, 5_000_000n)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
  // The SDK appends /v1/messages to its base URL.
  client = new Anthropic({ apiKey: world.key.value, baseURL: gw.url + world.basePath, maxRetries: 0 })
})

afterAll(async () => {
  await gw?.close()
  await demo?.close()
  await testDb?.cleanup()
})

const cost = (input: number, output: number) =>
  (BigInt(input) * 3_000_000n + 999_999n) / 1_000_000n + (BigInt(output) * 15_000_000n + 999_999n) / 1_000_000n

test.each(['claude-tollgate', 'gpt-tollgate'])(
  '%s: a message comes back in Anthropic format, billed once',
  async (model) => {
    const before = await ledgerOf(testDb.db, world.initech.id)
    const { data, response } = await client.messages
      .create({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Describe the Messages endpoint' }] })
      .withResponse()
    expect(data.type).toBe('message')
    expect(data.role).toBe('assistant')
    expect(data.model).toBe(model)
    const block = data.content[0]
    expect(block.type === 'text' && block.text).toMatch(/messages/i)
    expect(data.usage.input_tokens).toBeGreaterThan(0)
    expect(data.usage.output_tokens).toBeGreaterThan(0)
    const charged = cost(data.usage.input_tokens, data.usage.output_tokens)
    expect(response.headers.get('x-tollgate-cost')).toBe(microsToDecimal(charged))
    await gw.gateway.writer.flush()
    const after = await ledgerOf(testDb.db, world.initech.id)
    expect(before.balance - after.balance).toBe(charged)
  },
)

test.each(['claude-tollgate', 'gpt-tollgate'])('%s: a streamed message arrives as Anthropic events', async (model) => {
  const stream = client.messages.stream({
    model,
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Stream about rivers and lakes' }],
  })
  const deltas: string[] = []
  stream.on('text', (text) => deltas.push(text))
  const message = await stream.finalMessage()
  expect(deltas.length).toBeGreaterThan(1)
  const block = message.content[0]
  expect(block.type === 'text' && block.text).toBe(deltas.join(''))
  expect(message.stop_reason).toBe('end_turn')
  expect(message.usage.output_tokens).toBeGreaterThan(0)
})

test('an unknown model is an Anthropic not_found_error', async () => {
  const error = await client.messages
    .create({ model: 'claude-nope', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(Anthropic.NotFoundError)
  expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
    error: { type: 'not_found_error', message: expect.stringContaining('claude-nope') },
  })
})

test('a wrong key is an Anthropic authentication_error', async () => {
  const stranger = new Anthropic({ apiKey: 'tg_test_wrong', baseURL: gw.url + world.basePath, maxRetries: 0 })
  const error = await stranger.messages
    .create({ model: 'claude-tollgate', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(Anthropic.AuthenticationError)
  expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
    error: { type: 'authentication_error' },
  })
})
