// Integration: rate limits shared through a real Redis (127.0.0.1:6379) by two gateway instances
// on one database, and what happens when Redis is unreachable or goes away mid-run.
import { randomUUID } from 'node:crypto'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { connectRedis, redisReady } from '../redis/connect-redis'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'
import { SharedRateLimiter } from './shared-rate-limit'
import { closedPort, createApi, createKey, startTestGateway, waitFor, type TestGateway } from './test-fixtures'

const REDIS_URL = 'redis://127.0.0.1:6379'
const LIMIT = 10

let testDb: TestDatabase
let demo: DemoUpstream
let path: string
const keys: string[] = []
const gateways: TestGateway[] = []

/** A prefix of its own per test, so counters of earlier tests and runs never count. */
const uniquePrefix = () => `tollgate:test:${randomUUID()}`

beforeAll(async () => {
  testDb = await setupTestDatabase()
  demo = await startDemoUpstream(0)
  const acme = await createTestTeam({ label: 'acme' }, testDb.db)
  const globex = await createTestTeam({ label: 'globex' }, testDb.db)
  await createApi(testDb.db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'limited',
    rateLimit: LIMIT,
    rateWindow: 'MINUTE',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: demo.url }],
  })
  path = `/gw/${acme.slug}/limited/v1/hello`
  // Before any gateway starts, so each one's first snapshot holds them.
  for (let i = 0; i < 5; i++) keys.push((await createKey(testDb.db, globex.id)).value)
})

afterAll(async () => {
  for (const gateway of gateways) await gateway.close()
  await demo?.close()
  await testDb?.cleanup()
})

async function startGateway(redisUrl: string, redisKeyPrefix: string): Promise<TestGateway> {
  const gateway = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url, redisUrl, redisKeyPrefix })
  gateways.push(gateway)
  return gateway
}

/** A key no earlier test called with: a window of its own. */
const freshKey = () => keys.pop()!

/** Calls from a minute's start onwards, so a test's calls never straddle two windows. */
async function awayFromWindowEdge(): Promise<void> {
  const leftMs = 60_000 - (Date.now() % 60_000)
  if (leftMs < 8_000) await new Promise((resolve) => setTimeout(resolve, leftMs + 50))
}

/** `count` calls in rounds of `concurrency`, each round split evenly over `gateways`; the statuses. */
async function callSplit(instances: TestGateway[], key: string, count: number, concurrency = 6): Promise<number[]> {
  const statuses: number[] = []
  for (let sent = 0; sent < count; sent += concurrency) {
    const round = Array.from({ length: Math.min(concurrency, count - sent) }, async (_, i) => {
      const gateway = instances[(sent + i) % instances.length]
      const res = await request(gateway.url + path, { headers: { authorization: `Bearer ${key}` } })
      await res.body.text()
      return res.statusCode
    })
    statuses.push(...(await Promise.all(round)))
  }
  return statuses
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length

test('two instances sharing Redis admit exactly the plan limit between them', async () => {
  const prefix = uniquePrefix()
  const a = await startGateway(REDIS_URL, prefix)
  const b = await startGateway(REDIS_URL, prefix)
  for (const gateway of [a, b]) {
    expect(await redisReady((gateway.gateway.limiter as SharedRateLimiter)['redis'], 5_000)).toBe(true)
  }
  await awayFromWindowEdge()
  const statuses = await callSplit([a, b], freshKey(), 4 * LIMIT)
  expect(count(statuses, 200)).toBe(LIMIT)
  expect(count(statuses, 429)).toBe(3 * LIMIT)

  // Another key on the same plan has a window of its own.
  const other = await callSplit([a, b], freshKey(), LIMIT + 2)
  expect(count(other, 200)).toBe(LIMIT)
})

test('without Redis reachable an instance counts alone: calls succeed up to its own limit', async () => {
  const unreachable = await startGateway(`redis://127.0.0.1:${await closedPort()}`, uniquePrefix())
  await awayFromWindowEdge()
  const statuses = await callSplit([unreachable], freshKey(), LIMIT + 5)
  expect(count(statuses, 200)).toBe(LIMIT)
  expect(count(statuses, 429)).toBe(5)
})

test('Redis going away mid-run falls back to local limits without failing a call', async () => {
  const prefix = uniquePrefix()
  const a = await startGateway(REDIS_URL, prefix)
  const b = await startGateway(REDIS_URL, prefix)
  const limiters = [a, b].map((gateway) => gateway.gateway.limiter as SharedRateLimiter)
  for (const limiter of limiters) expect(await redisReady(limiter['redis'], 5_000)).toBe(true)
  await awayFromWindowEdge()
  const key = freshKey()
  const shared = await callSplit([a, b], key, LIMIT / 2)
  expect(count(shared, 200)).toBe(LIMIT / 2)

  // The connection drops: each instance now counts this window on its own, from zero.
  for (const limiter of limiters) limiter['redis'].disconnect()
  await waitFor(async () => limiters.every((limiter) => !limiter.shared), 2_000)
  const local = await callSplit([a, b], key, 4 * LIMIT)
  expect(local.every((status) => status === 200 || status === 429)).toBe(true)
  expect(count(local, 200)).toBe(2 * LIMIT)
})

test('token-sized takes (tokens per minute) are shared too, and unused tokens come back', async () => {
  const prefix = uniquePrefix()
  const limiters = [0, 1].map(() => new SharedRateLimiter(connectRedis(REDIS_URL, 'test'), prefix))
  try {
    for (const limiter of limiters) expect(await redisReady(limiter['redis'], 5_000)).toBe(true)
    const windowStart = Date.now() - (Date.now() % 60_000)
    const now = windowStart + 1_000 // one window for the whole test
    const allowed: boolean[] = []
    for (let i = 0; i < 14; i++) {
      const decision = await limiters[i % 2].take('tpm|sub_1', 1_000, 100, 60_000, now)
      allowed.push(decision.allowed)
    }
    expect(allowed.filter(Boolean)).toHaveLength(10)
    // A call that reserved 100 and used 40 hands 60 back to its instance's share.
    limiters[0].giveBack('tpm|sub_1', windowStart, 60)
    expect((await limiters[0].take('tpm|sub_1', 1_000, 50, 60_000, now)).allowed).toBe(true)
    expect((await limiters[1].take('tpm|sub_1', 1_000, 50, 60_000, now)).allowed).toBe(false)
    // More than the whole limit is refused at once.
    expect((await limiters[1].take('tpm|sub_2', 1_000, 1_001, 60_000, now)).allowed).toBe(false)
  } finally {
    for (const limiter of limiters) limiter['redis'].disconnect()
  }
})
