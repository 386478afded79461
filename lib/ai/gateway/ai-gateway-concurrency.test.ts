import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { decimalToMicros } from '@/lib/billing/money'
import { fundAccount, ledgerOf } from '@/lib/charging/test-billing-world'
import { createDb } from '@/lib/db'
import { startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startProviderUpstream, type ProviderUpstream } from '../providers/test-provider-upstream'
import { providerReply } from './test-provider-replies'
import { seedAiWorld, type AiWorld } from './test-ai-world'

// Token billing keeps the billing issue's guarantee: a balance that covers exactly N worst-case
// reservations, 10×N concurrent streamed calls over two gateway instances sharing the database,
// exactly N served and the rest 402. The provider holds its answers until every refusal is in, so
// no settlement can free money mid-test. Afterwards the balance is the start minus the sum of the
// costs the streams reported, and the ledger's charges say the same.

const N = 10
const MAX_TOKENS = 100
const USAGE = { input: 12, output: 40 }
// Per call 1,000 micro-units, plus output at 1.00 per 1M tokens (input free): the worst case is
// 1,000 + 100 and the reported usage costs 1,000 + 40.
const WORST_CASE = 1_000n + BigInt(MAX_TOKENS)
const REPORTED_COST = 1_000n + BigInt(USAGE.output)

let testDb: TestDatabase
let gateways: TestGateway[]
let world: AiWorld
let upstream: ProviderUpstream
let open: () => void
const gate = new Promise<void>((resolve) => (open = resolve))

beforeAll(async () => {
  testDb = await setupTestDatabase()
  const reply = providerReply('OPENAI', { text: 'one two three four', usage: USAGE })
  upstream = await startProviderUpstream(reply)
  // The scripted upstream answers at once; wrap it so the answers wait for the gate.
  const held = await startHeldProxy(upstream.url)
  world = await seedAiWorld(testDb.db, {
    providers: [{ name: 'held', kind: 'OPENAI', baseUrl: `${held}/v1` }],
    models: [{ name: 'served', provider: 'held', maxOutputTokens: 1_000 }],
    exposed: [{ name: 'chat', targets: [{ model: 'served' }] }],
    plan: { pricePerCallMicros: 1_000n, pricePerMOutputMicros: 1_000_000n },
  })
  await fundAccount(testDb.db, world.initech.id, WORST_CASE * BigInt(N))
  gateways = [
    await startTestGateway({ db: testDb.db, databaseUrl: testDb.url }),
    await startTestGateway({ db: createDb(testDb.url), databaseUrl: testDb.url }),
  ]
})

afterAll(async () => {
  for (const gw of gateways ?? []) await gw.close()
  await upstream?.close()
  await testDb?.cleanup()
})

/** A pass-through in front of the upstream whose answers start only once the gate opens. */
async function startHeldProxy(target: string): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
    await gate
    const answer = await request(target + req.url, {
      method: 'POST',
      headers: req.headers,
      body: Buffer.concat(chunks),
    })
    res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type']) })
    for await (const chunk of answer.body) res.write(chunk)
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })
  const { port } = server.address() as AddressInfo
  return `http://127.0.0.1:${port}`
}

test('10×N concurrent streamed calls on a balance for N: exactly N served, the rest 402, settled exactly', async () => {
  let refusals = 0
  let allRefused: () => void
  const refusedAll = new Promise<void>((resolve) => (allRefused = resolve))
  const calls = Array.from({ length: 10 * N }, async (_, i) => {
    const res = await request(`${gateways[i % 2].url}${world.basePath}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.key.value}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'chat',
        max_tokens: MAX_TOKENS,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: `call ${i}` }],
      }),
    })
    if (res.statusCode === 402 && ++refusals === 9 * N) allRefused()
    return { status: res.statusCode, text: await res.body.text() }
  })
  await refusedAll
  open()
  const results = await Promise.all(calls)

  const served = results.filter((r) => r.status === 200)
  const refused = results.filter((r) => r.status === 402)
  expect(served).toHaveLength(N)
  expect(refused).toHaveLength(9 * N)
  expect(new Set(refused.map((r) => JSON.parse(r.text).code))).toEqual(new Set(['insufficient_balance']))
  expect(new Set(refused.map((r) => JSON.parse(r.text).error.code))).toEqual(new Set(['insufficient_balance']))

  const reported = served.map((r) => {
    const usageEvent = r.text
      .split('\n\n')
      .map((event) => event.replace(/^data: /, ''))
      .filter((data) => data.startsWith('{'))
      .map((data) => JSON.parse(data))
      .find((chunk) => chunk.usage)
    return decimalToMicros(usageEvent.usage.cost)
  })
  expect(reported).toEqual(Array(N).fill(REPORTED_COST))

  for (const gw of gateways) await gw.gateway.writer.flush()
  const ledger = await ledgerOf(testDb.db, world.initech.id)
  const sum = reported.reduce((a, b) => a + b, 0n)
  expect(ledger.charged).toBe(sum)
  expect(ledger.balance).toBe(WORST_CASE * BigInt(N) - sum)
  expect(ledger.sumOfEntries).toBe(ledger.balance)
})
