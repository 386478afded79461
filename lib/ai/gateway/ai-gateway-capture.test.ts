import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getCallCapture } from '@/lib/calls/capture/get-call-capture'
import { CAPTURE_BODY_LIMIT } from '@/lib/gateway/capture-tap'
import { startTestGateway, waitFor, type TestGateway } from '@/lib/gateway/test-fixtures'
import type { TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { seedAiWorld, seedPromptApi, type AiWorld } from './test-ai-world'

// Call capture on AI routes, through the real gateway against the demo provider in OpenAI's wire
// format: the consumer's request body and the answer are kept (a streamed answer assembled into
// the JSON it adds up to, in the consumer's format), the consumer's key is redacted, and the
// provider's key, which only the gateway's request to the provider carries, is never kept.

let testDb: TestDatabase
let demo: DemoUpstream
let gw: TestGateway
let world: AiWorld
let promptPath = ''
const PROVIDER_KEY = 'sk-provider-secret-7781'

beforeAll(async () => {
  testDb = await setupTestDatabase()
  demo = await startDemoUpstream(0)
  world = await seedAiWorld(testDb.db, {
    providers: [
      { name: 'Demo OpenAI', kind: 'OPENAI', baseUrl: `${demo.url}/ai/chunk_delay=0/openai/v1`, apiKey: PROVIDER_KEY },
    ],
    models: [{ name: 'demo-gpt', provider: 'Demo OpenAI', providerModel: 'demo-chat', maxOutputTokens: 200 }],
    exposed: [{ name: 'gpt-tollgate', isDefault: true, targets: [{ model: 'demo-gpt' }] }],
    plan: { paid: false },
  })
  const prompt = await seedPromptApi(testDb.db, world, {
    slug: 'haiku',
    model: 'demo-gpt',
    userTemplate: 'Write a haiku about {{topic}}',
    variables: [{ name: 'topic', type: 'string', required: true }],
    plan: { paid: false },
  })
  promptPath = prompt.path
  for (const versionId of [world.versionId, prompt.versionId])
    await testDb.db.apiVersion.update({
      where: { id: versionId },
      data: { captureMode: 'HEADERS_AND_BODIES', captureRetentionDays: 2 },
    })
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await demo?.close()
  await testDb?.cleanup()
})

async function post(path: string, body: unknown) {
  const res = await request(`${gw.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.statusCode, requestId: String(res.headers['x-request-id']), text: await res.body.text() }
}

/** The capture as the given team's call detail page reads it. */
async function captureSeenBy(team: TestTeam, requestId: string) {
  await gw.gateway.writer.flush()
  await gw.gateway.captures.flush()
  const invocation = await waitFor(
    () => testDb.db.invocation.findUnique({ where: { requestId } }).then((r) => r ?? undefined),
    5_000,
  )
  return getCallCapture({ teamId: team.id }, invocation)
}

/** The text of an SSE answer: OpenAI's content deltas, or Anthropic's text deltas. */
function streamedText(sse: string): string {
  let text = ''
  for (const line of sse.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue
    const event = JSON.parse(line.slice(6))
    text += event.choices?.[0]?.delta?.content ?? event.delta?.text ?? ''
  }
  return text
}

function expectNoSecrets(capture: unknown) {
  const all = JSON.stringify(capture)
  expect(all).not.toContain(PROVIDER_KEY)
  expect(all).not.toContain(world.key.value)
}

test('[CAPTURE] an AI chat call: the request body and the JSON answer, the consumer key redacted', async () => {
  const res = await post(`${world.basePath}/chat/completions`, {
    model: 'gpt-tollgate',
    messages: [{ role: 'user', content: 'Say hello to the capture' }],
  })
  expect(res.status).toBe(200)
  const capture = (await captureSeenBy(world.acme, res.requestId))!
  expect(capture).not.toBeNull()
  expect(new Map(capture.requestHeaders).get('authorization')).toBe('[redacted]')
  expect(new Map(capture.responseHeaders).get('x-tollgate-provider')).toBe('Demo OpenAI')
  expect(JSON.parse(capture.requestBody.text!)).toEqual({
    model: 'gpt-tollgate',
    messages: [{ role: 'user', content: 'Say hello to the capture' }],
  })
  expect(JSON.parse(capture.responseBody.text!)).toEqual(JSON.parse(res.text))
  expect(capture.responseBody).toMatchObject({ bytes: Buffer.byteLength(res.text), truncated: false })
  expectNoSecrets(capture)
  // The consumer team that made the call sees the same capture on its call detail page.
  expect(await captureSeenBy(world.initech, res.requestId)).toEqual(capture)
})

test('[CAPTURE] a streamed answer is kept assembled, as the JSON a non-streamed call gets', async () => {
  const res = await post(`${world.basePath}/chat/completions`, {
    model: 'gpt-tollgate',
    stream: true,
    messages: [{ role: 'user', content: 'Stream a few words to the capture' }],
  })
  expect(res.status).toBe(200)
  const streamed = streamedText(res.text)
  expect(streamed.length).toBeGreaterThan(0)
  const capture = (await captureSeenBy(world.acme, res.requestId))!
  const answer = JSON.parse(capture.responseBody.text!)
  expect(answer).toMatchObject({
    object: 'chat.completion',
    model: 'gpt-tollgate',
    choices: [{ message: { role: 'assistant', content: streamed }, finish_reason: 'stop' }],
  })
  expect(answer.usage.completion_tokens).toBeGreaterThan(0)
  expect(capture.responseBody.contentType).toMatch(/^text\/event-stream/)
  expect(capture.responseBody.bytes).toBe(Buffer.byteLength(capture.responseBody.text!))
  expectNoSecrets(capture)
})

test("[CAPTURE] on /messages a streamed answer is assembled in Anthropic's format", async () => {
  const res = await post(`${world.basePath}/messages`, {
    model: 'gpt-tollgate',
    max_tokens: 100,
    stream: true,
    messages: [{ role: 'user', content: 'Stream an Anthropic answer' }],
  })
  expect(res.status).toBe(200)
  const answer = JSON.parse((await captureSeenBy(world.acme, res.requestId))!.responseBody.text!)
  expect(answer).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'text' }] })
  expect(answer.content[0].text).toBe(streamedText(res.text))
})

test('[CAPTURE] an AI prompt call keeps its variables and answer; bodies are capped at 16 KB', async () => {
  const res = await post(promptPath, { variables: { topic: 'gateways' } })
  expect(res.status).toBe(200)
  const capture = (await captureSeenBy(world.initech, res.requestId))!
  expect(JSON.parse(capture.requestBody.text!)).toEqual({ variables: { topic: 'gateways' } })
  expect(JSON.parse(capture.responseBody.text!)).toEqual(JSON.parse(res.text))
  expectNoSecrets(capture)

  const long = 'x'.repeat(40_000)
  const big = await post(promptPath, { variables: { topic: long } })
  const capped = (await captureSeenBy(world.acme, big.requestId))!.requestBody
  expect(capped).toMatchObject({
    truncated: true,
    bytes: Buffer.byteLength(JSON.stringify({ variables: { topic: long } })),
  })
  expect(capped.text!.length).toBe(CAPTURE_BODY_LIMIT)
})
