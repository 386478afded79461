import OpenAI from 'openai'
import { microsToDecimal } from '@/lib/billing/money'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AiProviderKind } from '@/generated/sqlite/enums'
import { fundAccount } from '@/lib/charging/test-billing-world'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startProviderUpstream, type ProviderUpstream } from '../providers/test-provider-upstream'
import { providerReply } from './test-provider-replies'
import { seedAiWorld, writtenInvocation, type AiWorld } from './test-ai-world'

// Every provider kind through the real gateway, with the openai SDK as the consumer: each exposed
// model routes to a real HTTP upstream that speaks that provider's own format. The answer (and
// its stream) comes back in OpenAI's format, the usage the provider reported is what is billed,
// and the provider got its own key and the output limit the reservation assumed.

const KINDS: AiProviderKind[] = ['OPENAI', 'OPENAI_COMPATIBLE', 'ANTHROPIC', 'GEMINI', 'OLLAMA']
const TEXT = 'The quick brown fox jumps over the lazy dog.'
const USAGE = { input: 21, output: 9 }
const MAX_OUTPUT = 64

let testDb: TestDatabase
let gw: TestGateway
let world: AiWorld
let client: OpenAI
const upstreams = new Map<AiProviderKind, ProviderUpstream>()

beforeAll(async () => {
  testDb = await setupTestDatabase()
  for (const kind of KINDS)
    upstreams.set(kind, await startProviderUpstream(providerReply(kind, { text: TEXT, usage: USAGE })))
  world = await seedAiWorld(testDb.db, {
    providers: KINDS.map((kind) => ({
      name: `p-${kind}`,
      kind,
      baseUrl: upstreams.get(kind)!.url + (kind === 'OLLAMA' ? '' : '/v1'),
      apiKey: `key-${kind.toLowerCase()}`,
    })),
    models: KINDS.map((kind) => ({
      name: `served-${kind.toLowerCase()}`,
      provider: `p-${kind}`,
      providerModel: `native-${kind.toLowerCase()}`,
      maxOutputTokens: MAX_OUTPUT,
    })),
    exposed: [
      ...KINDS.map((kind) => ({
        name: `m-${kind.toLowerCase()}`,
        targets: [{ model: `served-${kind.toLowerCase()}` }],
      })),
      { name: 'claude-then-gpt', targets: [{ model: 'served-anthropic' }, { model: 'served-openai' }] },
    ],
    plan: { pricePerMInputMicros: 1_000_000n, pricePerMOutputMicros: 3_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, 1_000_000n)
  // With the URL, SQLite runs go through the metering thread (PostgreSQL through Prisma).
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
  client = new OpenAI({ apiKey: world.key.value, baseURL: gw.url + world.basePath, maxRetries: 0 })
})

afterAll(async () => {
  await gw?.close()
  for (const upstream of upstreams.values()) await upstream.close()
  await testDb?.cleanup()
})

// 21 input tokens at 1.00/1M and 9 output at 3.00/1M, each rounded up to a whole micro-unit.
const COST = 21n + 27n

function credentialOf(kind: AiProviderKind, headers: Record<string, unknown>): unknown {
  if (kind === 'ANTHROPIC') return headers['x-api-key']
  if (kind === 'GEMINI') return headers['x-goog-api-key']
  return headers.authorization
}

describe.each(KINDS)('%s', (kind) => {
  const model = `m-${kind.toLowerCase()}`

  test('a chat completion comes back in OpenAI format, billed at the provider-reported usage', async () => {
    const { data, response } = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'Tell me about foxes' }] })
      .withResponse()
    expect(data.choices[0].message.content).toBe(TEXT)
    expect(data.usage).toMatchObject({ prompt_tokens: USAGE.input, completion_tokens: USAGE.output })
    expect(response.headers.get('x-tollgate-provider')).toBe(`p-${kind}`)
    expect(response.headers.get('x-tollgate-cost')).toBe(microsToDecimal(COST))
    const sent = upstreams.get(kind)!.received.at(-1)!
    expect(String(credentialOf(kind, sent.headers))).toContain(`key-${kind.toLowerCase()}`)
    expect(sent.body).toContain(String(MAX_OUTPUT))
    // The consumer's Tollgate key never reaches the provider.
    expect(JSON.stringify(sent.headers)).not.toContain(world.key.value)
    const row = await writtenInvocation(testDb.db, response.headers.get('x-request-id')!)
    expect(row).toMatchObject({
      model,
      provider: `served-${kind.toLowerCase()}`,
      inputTokens: USAGE.input,
      outputTokens: USAGE.output,
      costMicros: COST,
      usageEstimated: false,
      attempts: 1,
    })
  })

  test('a streamed completion arrives chunk by chunk with the usage and cost last', async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Tell me about foxes' }],
      stream: true,
      stream_options: { include_usage: true },
    })
    let text = ''
    let pieces = 0
    let usage: (OpenAI.CompletionUsage & { cost?: string }) | undefined
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) {
        text += chunk.choices[0].delta.content
        pieces++
      }
      if (chunk.usage) usage = chunk.usage
    }
    expect(text).toBe(TEXT)
    expect(pieces).toBeGreaterThan(1)
    expect(usage).toMatchObject({
      prompt_tokens: USAGE.input,
      completion_tokens: USAGE.output,
      cost: microsToDecimal(COST),
    })
  })
})

test('a feature a provider cannot carry is a clear 400, unless a later target can carry it', async () => {
  // Anthropic refuses a temperature above 1; OpenAI takes up to 2.
  const request = { messages: [{ role: 'user' as const, content: 'hot take' }], temperature: 1.5 }
  const error = await client.chat.completions.create({ ...request, model: 'm-anthropic' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenAI.BadRequestError)
  expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('unsupported_feature')
  expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('temperature')
  const { response } = await client.chat.completions.create({ ...request, model: 'claude-then-gpt' }).withResponse()
  expect(response.headers.get('x-tollgate-provider')).toBe('p-OPENAI')
})

test('the hourly AI rollup counts the calls of each model, tokens and cost in the same write as the calls', async () => {
  await gw.gateway.writer.flush()
  const rows = await testDb.db.aiUsageRollup.findMany({
    where: { consumerTeamId: world.initech.id, model: { startsWith: 'm-' } },
  })
  expect(rows.map((r) => r.model).sort()).toEqual(KINDS.map((kind) => `m-${kind.toLowerCase()}`).sort())
  for (const row of rows) {
    expect(row).toMatchObject({
      calls: 2,
      inputTokens: 2 * USAGE.input,
      outputTokens: 2 * USAGE.output,
      costMicros: 2n * COST,
      estimatedCalls: 0,
      fallbackCalls: 0,
      failedCalls: 0,
    })
  }
})
