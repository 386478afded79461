import { request as httpRequest } from 'node:http'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { fundAccount, ledgerOf } from '@/lib/charging/test-billing-world'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { countTextTokens } from '../count-tokens'
import { providerReply } from './test-provider-replies'
import { startSlowProvider, type SlowProvider } from './test-slow-provider'
import { seedAiWorld, writtenInvocation, type AiWorld } from './test-ai-world'

// A client that hangs up mid-stream: the gateway keeps reading the provider to the end and bills
// what the provider reported, once. A provider that never reports usage is billed from the
// tokenizer's count, and the call is marked estimated.

const TEXT = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'
const USAGE = { input: 30, output: 12 }
// Input at 1.00 and output at 2.00 per 1M tokens.
const cost = (input: number, output: number) => BigInt(input) + 2n * BigInt(output)

let testDb: TestDatabase
let gw: TestGateway
let world: AiWorld
let reporting: SlowProvider
let silent: SlowProvider
let crashing: SlowProvider

beforeAll(async () => {
  testDb = await setupTestDatabase()
  reporting = await startSlowProvider(providerReply('OPENAI', { text: TEXT, usage: USAGE }), 40)
  silent = await startSlowProvider(providerReply('OPENAI', { text: TEXT, usage: null }), 40)
  // The role chunk, then three words, then the connection drops.
  crashing = await startSlowProvider(providerReply('OPENAI', { text: TEXT, usage: USAGE }), 20, 4)
  world = await seedAiWorld(testDb.db, {
    providers: [
      { name: 'reporting', kind: 'OPENAI', baseUrl: `${reporting.url}/v1` },
      { name: 'silent', kind: 'OPENAI_COMPATIBLE', baseUrl: `${silent.url}/v1` },
      { name: 'crashing', kind: 'OPENAI', baseUrl: `${crashing.url}/v1` },
    ],
    models: [
      { name: 'on-reporting', provider: 'reporting' },
      { name: 'on-silent', provider: 'silent' },
      { name: 'on-crashing', provider: 'crashing' },
    ],
    exposed: [
      { name: 'reports-usage', targets: [{ model: 'on-reporting' }] },
      { name: 'no-usage', targets: [{ model: 'on-silent' }] },
      { name: 'crashes', targets: [{ model: 'on-crashing' }] },
    ],
    plan: { pricePerMInputMicros: 1_000_000n, pricePerMOutputMicros: 2_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, 1_000_000n)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await reporting?.close()
  await silent?.close()
  await crashing?.close()
  await testDb?.cleanup()
})

/** Starts a streamed call, reads its first bytes, then destroys the socket. Returns the request id. */
function streamThenHangUp(model: string, stream_options?: { include_usage: boolean }): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${gw.url}${world.basePath}/chat/completions`)
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
      },
      (res) => {
        expect(res.statusCode).toBe(200)
        res.once('data', () => {
          req.destroy()
          resolve(String(res.headers['x-request-id']))
        })
      },
    )
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
    req.end(JSON.stringify({ model, stream: true, stream_options, messages: [{ role: 'user', content: 'go on' }] }))
  })
}

test('a client gone mid-stream is billed from the provider-reported usage, exactly once', async () => {
  const before = await ledgerOf(testDb.db, world.initech.id)
  const requestId = await streamThenHangUp('reports-usage', { include_usage: true })
  const row = await writtenInvocation(testDb.db, requestId)
  // The provider's stream was read to its end, not cut when the client left.
  expect(reporting.finished).toBe(1)
  expect(reporting.cut).toBe(0)
  expect(row).toMatchObject({
    status: 200,
    errorCode: 'client_closed',
    inputTokens: USAGE.input,
    outputTokens: USAGE.output,
    usageEstimated: false,
    costMicros: cost(USAGE.input, USAGE.output),
  })
  await gw.gateway.writer.flush()
  const after = await ledgerOf(testDb.db, world.initech.id)
  expect(before.balance - after.balance).toBe(cost(USAGE.input, USAGE.output))
  expect(await testDb.db.ledgerEntry.count({ where: { teamId: world.initech.id, kind: 'CHARGE' } })).toBe(1)
})

test('a stream whose provider never reports usage is billed from the tokenizer and marked estimated', async () => {
  await gw.gateway.writer.flush()
  const before = await ledgerOf(testDb.db, world.initech.id)
  const requestId = await streamThenHangUp('no-usage')
  const row = await writtenInvocation(testDb.db, requestId)
  expect(silent.finished).toBe(1)
  expect(row.usageEstimated).toBe(true)
  expect(row.outputTokens).toBe(countTextTokens(TEXT))
  expect(row.inputTokens).toBeGreaterThan(0)
  expect(row.costMicros).toBe(cost(row.inputTokens, row.outputTokens))
  await gw.gateway.writer.flush()
  const after = await ledgerOf(testDb.db, world.initech.id)
  expect(before.balance - after.balance).toBe(row.costMicros)
  const rollup = await testDb.db.aiUsageRollup.findFirstOrThrow({ where: { model: 'no-usage' } })
  expect(rollup).toMatchObject({ calls: 1, estimatedCalls: 1 })
})

test('a provider that breaks off mid-stream: the client gets an error event, billed for what it received', async () => {
  await gw.gateway.writer.flush()
  const before = await ledgerOf(testDb.db, world.initech.id)
  const res = await request(`${gw.url}${world.basePath}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'crashes', stream: true, messages: [{ role: 'user', content: 'go on' }] }),
  })
  expect(res.statusCode).toBe(200)
  const text = await res.body.text()
  const events = text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => JSON.parse(event.replace(/^data: /, '')))
  const delivered = events.map((e) => e.choices?.[0]?.delta?.content ?? '').join('')
  expect(delivered).toBe('alpha beta gamma ')
  expect(events.at(-1).error).toMatchObject({ code: 'provider_error', message: expect.stringContaining('crashing') })
  const row = await writtenInvocation(testDb.db, String(res.headers['x-request-id']))
  expect(row).toMatchObject({ status: 200, errorCode: 'provider_stream_failed', usageEstimated: true })
  expect(row.outputTokens).toBe(countTextTokens(delivered))
  await gw.gateway.writer.flush()
  expect(before.balance - (await ledgerOf(testDb.db, world.initech.id)).balance).toBe(row.costMicros)
  expect(row.costMicros).toBe(cost(row.inputTokens, row.outputTokens))
})
