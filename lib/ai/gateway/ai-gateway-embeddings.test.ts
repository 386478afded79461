import OpenAI, { APIError } from 'openai'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { microsToDecimal } from '@/lib/billing/money'
import { fundAccount, ledgerOf } from '@/lib/charging/test-billing-world'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { demoEmbeddings, demoVector } from '@/server/demo-ai-embeddings'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { countTextTokens } from '../count-tokens'
import { startProviderUpstream, type ProviderUpstream } from '../providers/test-provider-upstream'
import { providerReply } from './test-provider-replies'
import { seedAiWorld, writtenInvocation, type AiWorld } from './test-ai-world'

// POST /embeddings through the real gateway with the official openai SDK, unchanged: single and
// batched input, floats and base64 (the SDK's default), billed per input token in the ledger; a
// 402 with no provider call; the wrong kind of model refused before any provider call and free;
// fallback past a failing target and past Anthropic (no embeddings API); Gemini's unreported usage
// billed at the tokenizer's count, marked estimated; an input longer than the model's context
// window refused before any provider call, free, or sent to the fallback whose window holds it.

let testDb: TestDatabase
let demo: DemoUpstream
let gw: TestGateway
let world: AiWorld
let client: OpenAI
const up: Record<string, ProviderUpstream> = {}

const START_BALANCE = 10_000_000n // 10.00 USD
// 100 micros a call, 2.00 per 1M input tokens (output is never billed: embeddings have none).
const costOf = (tokens: number) => 100n + BigInt(tokens) * 2n
const tokensOf = (...texts: string[]) => texts.reduce((sum, text) => sum + countTextTokens(text), 0)

beforeAll(async () => {
  testDb = await setupTestDatabase()
  demo = await startDemoUpstream(0)
  // OpenAI's wire answered by the demo provider's own code, so the test can count the calls.
  up.openai = await startProviderUpstream((request) => {
    const answer = demoEmbeddings(request.body)
    return answer.ok ? { body: answer.value } : { status: 400, body: { error: { message: answer.message } } }
  })
  up.chat = await startProviderUpstream(providerReply('OPENAI', { text: 'chatting', usage: { input: 3, output: 1 } }))
  up.failing = await startProviderUpstream({ status: 500, body: { error: { message: 'boom' } } })
  up.anthropic = await startProviderUpstream({ status: 500, body: { error: { message: 'never called' } } })
  up.gemini = await startProviderUpstream((request) => {
    const { requests } = request.json as { requests: { content: { parts: { text: string }[] } }[] }
    return { body: { embeddings: requests.map((r) => ({ values: demoVector(r.content.parts[0].text) })) } }
  })
  world = await seedAiWorld(testDb.db, {
    providers: [
      { name: 'Demo', kind: 'OPENAI_COMPATIBLE', baseUrl: `${demo.url}/ai/openai/v1` },
      { name: 'Recorder', kind: 'OPENAI', baseUrl: `${up.openai.url}/v1`, apiKey: 'sk-embed-1234' },
      { name: 'Chat', kind: 'OPENAI', baseUrl: `${up.chat.url}/v1` },
      { name: 'Failing', kind: 'OPENAI', baseUrl: `${up.failing.url}/v1` },
      { name: 'Claude', kind: 'ANTHROPIC', baseUrl: `${up.anthropic.url}/v1` },
      { name: 'Gemini', kind: 'GEMINI', baseUrl: `${up.gemini.url}/v1beta` },
    ],
    models: [
      { name: 'demo-embed', provider: 'Demo', kind: 'EMBEDDING' },
      { name: 'recorded-embed', provider: 'Recorder', providerModel: 'text-embedding-3-small', kind: 'EMBEDDING' },
      { name: 'failing-embed', provider: 'Failing', kind: 'EMBEDDING' },
      { name: 'claude-embed', provider: 'Claude', kind: 'EMBEDDING' },
      { name: 'gemini-embed', provider: 'Gemini', providerModel: 'gemini-embedding-001', kind: 'EMBEDDING' },
      { name: 'chat-model', provider: 'Chat' },
      { name: 'tiny-embed', provider: 'Recorder', kind: 'EMBEDDING', contextWindow: 8 },
    ],
    exposed: [
      { name: 'gpt', isDefault: true, targets: [{ model: 'chat-model' }] },
      { name: 'embed', targets: [{ model: 'demo-embed' }] },
      { name: 'recorded', targets: [{ model: 'recorded-embed' }] },
      { name: 'after-500', targets: [{ model: 'failing-embed' }, { model: 'recorded-embed' }] },
      { name: 'past-anthropic', targets: [{ model: 'claude-embed' }, { model: 'recorded-embed' }] },
      { name: 'gemini', targets: [{ model: 'gemini-embed' }] },
      { name: 'tiny', targets: [{ model: 'tiny-embed' }] },
      { name: 'tiny-then-large', targets: [{ model: 'tiny-embed' }, { model: 'recorded-embed' }] },
    ],
    plan: { pricePerCallMicros: 100n, pricePerMInputMicros: 2_000_000n, pricePerMOutputMicros: 8_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, START_BALANCE)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
  client = new OpenAI({ apiKey: world.key.value, baseURL: gw.url + world.basePath, maxRetries: 0 })
})

afterAll(async () => {
  await gw?.close()
  for (const upstream of Object.values(up)) await upstream.close()
  await demo?.close()
  await testDb?.cleanup()
})

/** Base64 little-endian float32, decoded the way a consumer's own code would. */
function float32s(base64: string): number[] {
  const bytes = Buffer.from(base64, 'base64')
  return [...new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))]
}

async function charged(run: () => Promise<unknown>): Promise<bigint> {
  await gw.gateway.writer.flush()
  const before = await ledgerOf(testDb.db, world.initech.id)
  await run()
  await gw.gateway.writer.flush()
  return before.balance - (await ledgerOf(testDb.db, world.initech.id)).balance
}

test('one text: the SDK (asking for base64 by default) gets the demo vector and pays for its tokens', async () => {
  const text = 'Embed this sentence through the gateway'
  let cost = ''
  let requestId = ''
  const paid = await charged(async () => {
    const { data, response } = await client.embeddings.create({ model: 'embed', input: text }).withResponse()
    expect(data.object).toBe('list')
    expect(data.model).toBe('embed')
    expect(data.data).toHaveLength(1)
    expect(data.data[0].index).toBe(0)
    expect(data.data[0].embedding).toEqual(demoVector(text))
    expect(data.data[0].embedding).toHaveLength(256)
    expect(data.usage).toMatchObject({ prompt_tokens: tokensOf(text), total_tokens: tokensOf(text) })
    expect(response.headers.get('x-tollgate-model')).toBe('demo-embed')
    expect(response.headers.get('x-tollgate-provider')).toBe('Demo')
    cost = response.headers.get('x-tollgate-cost')!
    requestId = response.headers.get('x-request-id')!
  })
  expect(paid).toBe(costOf(tokensOf(text)))
  expect(cost).toBe(microsToDecimal(paid))
  const row = await writtenInvocation(testDb.db, requestId)
  expect(row).toMatchObject({
    status: 200,
    model: 'embed',
    provider: 'demo-embed',
    inputTokens: tokensOf(text),
    outputTokens: 0,
    costMicros: paid,
    usageEstimated: false,
  })
  const rollup = await testDb.db.aiUsageRollup.findFirstOrThrow({ where: { model: 'embed' } })
  expect(rollup).toMatchObject({ calls: 1, inputTokens: tokensOf(text), outputTokens: 0, costMicros: paid })
})

test('a batch with dimensions, as floats and as base64: one vector per input, in order, of that length', async () => {
  const texts = ['first input', 'second, a little longer input', 'third']
  const received = up.openai.received.length
  const paid = await charged(async () => {
    for (const encoding_format of ['float', 'base64'] as const) {
      const answer = await client.embeddings.create({
        model: 'recorded',
        input: texts,
        dimensions: 64,
        encoding_format,
      })
      expect(answer.data.map((item) => item.index)).toEqual([0, 1, 2])
      const vectors = answer.data.map((item) =>
        typeof item.embedding === 'string' ? float32s(item.embedding) : item.embedding,
      )
      texts.forEach((text, i) => expect(vectors[i]).toEqual(demoVector(text, 64)))
      expect(answer.usage.prompt_tokens).toBe(tokensOf(...texts))
    }
  })
  expect(paid).toBe(2n * costOf(tokensOf(...texts)))
  // The provider got OpenAI's request: its own model name, every input, floats, the dimensions.
  expect(up.openai.received.length).toBe(received + 2)
  const sent = up.openai.received.at(-1)!
  expect(sent.path).toBe('/v1/embeddings')
  expect(sent.headers.authorization).toBe('Bearer sk-embed-1234')
  expect(sent.json).toEqual({ model: 'text-embedding-3-small', input: texts, encoding_format: 'float', dimensions: 64 })
})

test('the same text always gives the same unit vector; another text another one', async () => {
  const embed = (input: string) => client.embeddings.create({ model: 'embed', input }).then((a) => a.data[0].embedding)
  const [a, again, b] = [await embed('stable'), await embed('stable'), await embed('different')]
  expect(again).toEqual(a)
  expect(b).not.toEqual(a)
  expect(Math.hypot(...a)).toBeCloseTo(1, 5)
})

test.each([
  ['a chat model on /embeddings', () => client.embeddings.create({ model: 'gpt', input: 'hi' }), /chat model/],
  [
    'an embedding model on /chat/completions',
    () => client.chat.completions.create({ model: 'embed', messages: [{ role: 'user', content: 'hi' }] }),
    /embedding model/,
  ],
])('%s is a 400 with OpenAI’s error member, before any provider call and free', async (_, run, message) => {
  const calls = up.openai.received.length + up.chat.received.length
  let error: unknown
  const paid = await charged(async () => {
    error = await run().catch((e: unknown) => e)
  })
  expect(error).toBeInstanceOf(OpenAI.BadRequestError)
  expect((error as APIError).code).toBe('wrong_model_kind')
  expect((error as APIError).message).toMatch(message)
  expect(paid).toBe(0n)
  expect(up.openai.received.length + up.chat.received.length).toBe(calls)
})

test.each([
  ['an empty list', []],
  ['an empty text', ''],
  ['mixed texts and token ids', ['a', [1, 2]]],
])('%s as input is refused by field, free', async (_, input) => {
  let error: unknown
  const paid = await charged(async () => {
    error = await client.embeddings.create({ model: 'embed', input: input as string[] }).catch((e: unknown) => e)
  })
  expect((error as APIError).status).toBe(422)
  expect((error as APIError).message).toContain('input')
  expect(paid).toBe(0n)
})

test('GET /models lists the embedding models beside the chat ones', async () => {
  const ids = (await client.models.list()).data.map((m) => m.id)
  expect(ids[0]).toBe('gpt')
  expect(ids).toEqual(expect.arrayContaining(['embed', 'recorded', 'gemini']))
})

test('a failing first target falls back to the second, charged once', async () => {
  const failed = up.failing.received.length
  let requestId = ''
  const paid = await charged(async () => {
    const { data, response } = await client.embeddings
      .create({ model: 'after-500', input: 'fall back', encoding_format: 'float' })
      .withResponse()
    expect(data.data[0].embedding).toEqual(demoVector('fall back'))
    expect(response.headers.get('x-tollgate-model')).toBe('recorded-embed')
    requestId = response.headers.get('x-request-id')!
  })
  expect(up.failing.received.length).toBe(failed + 1)
  expect(paid).toBe(costOf(tokensOf('fall back')))
  expect(await writtenInvocation(testDb.db, requestId)).toMatchObject({ attempts: 2, provider: 'recorded-embed' })
})

test('an Anthropic target is skipped (no embeddings API) without being called', async () => {
  const answer = await client.embeddings.create({ model: 'past-anthropic', input: 'skip claude' }).withResponse()
  expect(answer.response.headers.get('x-tollgate-model')).toBe('recorded-embed')
  expect(up.anthropic.received).toHaveLength(0)
})

test('Gemini: batchEmbedContents, billed at the tokenizer’s count and marked estimated', async () => {
  const texts = ['one for gemini', 'two for gemini']
  let requestId = ''
  const paid = await charged(async () => {
    const { data, response } = await client.embeddings.create({ model: 'gemini', input: texts }).withResponse()
    expect(data.data.map((item) => item.embedding)).toEqual(texts.map((text) => demoVector(text)))
    requestId = response.headers.get('x-request-id')!
  })
  expect(paid).toBe(costOf(tokensOf(...texts)))
  expect(up.gemini.received.at(-1)!.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents')
  expect(await writtenInvocation(testDb.db, requestId)).toMatchObject({
    inputTokens: tokensOf(...texts),
    usageEstimated: true,
  })
})

test('an empty balance is a 402 insufficient_balance, with no provider call', async () => {
  const broke = await seedAiWorld(testDb.db, {
    providers: [{ name: 'Recorder', kind: 'OPENAI', baseUrl: `${up.openai.url}/v1` }],
    models: [{ name: 'recorded-embed', provider: 'Recorder', kind: 'EMBEDDING' }],
    exposed: [{ name: 'embed', targets: [{ model: 'recorded-embed' }] }],
    plan: { pricePerMInputMicros: 1_000_000n },
  })
  await gw.gateway.store.reload()
  const calls = up.openai.received.length
  const poor = new OpenAI({ apiKey: broke.key.value, baseURL: gw.url + broke.basePath, maxRetries: 0 })
  const error = await poor.embeddings.create({ model: 'embed', input: 'no money' }).catch((e: unknown) => e)
  expect((error as APIError).status).toBe(402)
  expect((error as APIError).code).toBe('insufficient_balance')
  expect(up.openai.received.length).toBe(calls)
  expect((await ledgerOf(testDb.db, broke.initech.id)).charged).toBe(0n)
})

const LONG_TEXT = 'an input far longer than eight tokens, which is all the tiny model can take'

test.each([
  ['one text', LONG_TEXT, 0],
  ['the second input of a batch', ['short', LONG_TEXT], 1],
])('%s longer than the context window is a 400 before any provider call, free', async (_, input, index) => {
  const calls = up.openai.received.length
  let error: unknown
  const paid = await charged(async () => {
    error = await client.embeddings.create({ model: 'tiny', input }).catch((e: unknown) => e)
  })
  expect(error).toBeInstanceOf(OpenAI.BadRequestError)
  expect((error as APIError).code).toBe('context_length_exceeded')
  expect((error as APIError).message).toContain(`maximum context length is 8 tokens, but input ${index} has`)
  expect(paid).toBe(0n)
  expect(up.openai.received.length).toBe(calls)
  const requestId = (error as APIError).headers?.get('x-request-id') ?? ''
  expect(await writtenInvocation(testDb.db, requestId)).toMatchObject({
    status: 400,
    errorCode: 'context_length_exceeded',
    provider: null,
    costMicros: 0n,
  })
})

test('the raw answer is problem+json naming the limit and the input', async () => {
  const res = await fetch(`${gw.url}${world.basePath}/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'tiny', input: LONG_TEXT }),
  })
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  expect(await res.json()).toMatchObject({
    code: 'context_length_exceeded',
    param: 'input',
    contextWindow: 8,
    inputTokens: tokensOf(LONG_TEXT),
    inputIndex: 0,
    error: { code: 'context_length_exceeded', type: 'invalid_request_error' },
  })
})

test('a short input fits the small window; a long one skips to the target whose window holds it', async () => {
  const short = await client.embeddings.create({ model: 'tiny-then-large', input: 'tiny' }).withResponse()
  expect(short.response.headers.get('x-tollgate-model')).toBe('tiny-embed')
  let requestId = ''
  const paid = await charged(async () => {
    const long = await client.embeddings.create({ model: 'tiny-then-large', input: LONG_TEXT }).withResponse()
    expect(long.response.headers.get('x-tollgate-model')).toBe('recorded-embed')
    requestId = long.response.headers.get('x-request-id')!
  })
  expect(paid).toBe(costOf(tokensOf(LONG_TEXT)))
  expect(await writtenInvocation(testDb.db, requestId)).toMatchObject({ attempts: 1, provider: 'recorded-embed' })
})
