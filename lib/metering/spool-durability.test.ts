import { afterAll, beforeAll, expect, test } from 'vitest'
import { spawnGatewayOnly } from '../gateway/test-spawn-gateway'
import {
  call,
  fundAccount,
  ledgerOf,
  PRICE,
  seedBillingWorld,
  startBillingUpstream,
  type BillingWorld,
} from '../charging/test-billing-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// kill -9 under load, then a restart: the spool (call-spool.ts) holds every answered call the
// database did not have yet, and the new process replays it. Every call the client got a 2xx for
// is in the database exactly once (only those answered in the last spool group, ≤ 20 ms before the
// kill, may be missing), none is charged twice, and the balance equals the sum of the ledger.
// Runs on the engine TEST_DATABASE_URL selects (SQLite by default; PostgreSQL in CI).

const LOSS_WINDOW_MS = 20
const CONCURRENCY = 16

let testDb: TestDatabase
let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
let world: BillingWorld

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startBillingUpstream()
  world = await seedBillingWorld(testDb.db, upstream.url)
  await fundAccount(testDb.db, world.initech.id, 1_000_000n * PRICE)
})
afterAll(async () => {
  await upstream?.close()
  await testDb?.cleanup()
})

type Answered = { requestId: string; receivedAt: number }

/** CONCURRENCY loops of calls, each with its own X-Request-Id, until `stopped()`; the 2xx answers. */
async function loadUntil(url: string, prefix: string, answered: Answered[], stopped: () => boolean): Promise<void> {
  let n = 0
  const loop = async () => {
    while (!stopped()) {
      const requestId = `${prefix}-${++n}`
      try {
        const res = await call(url, world.path('/ok'), world.key.value, { 'x-request-id': requestId })
        if (res.status >= 200 && res.status < 300) answered.push({ requestId, receivedAt: Date.now() })
      } catch {
        return // the process is gone
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, loop))
}

test('kill -9 under load, restart: every answered call is written exactly once, none charged twice', async () => {
  const before = await ledgerOf(testDb.db, world.initech.id)
  const prefix = `k9${Date.now().toString(36)}`
  const env = { DATABASE_URL: testDb.url }
  const gateway = await spawnGatewayOnly(env)
  let killedAt = 0
  const answered: Answered[] = []
  const load = loadUntil(gateway.url, prefix, answered, () => killedAt > 0)
  // Under load: a few hundred calls answered (however slow a shared machine is today), then the kill.
  const deadline = Date.now() + 30_000
  while (answered.length < 300 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  killedAt = Date.now()
  await gateway.stop('SIGKILL')
  await load
  expect(answered.length).toBeGreaterThan(20)
  const writtenAtKill = await testDb.db.invocation.count({ where: { requestId: { startsWith: prefix } } })

  // The next start replays the dead process's spool; a graceful stop then writes all of it.
  // spawnGatewayOnly resolves once the process serves requests, so its SIGTERM handler is in place.
  const restarted = await spawnGatewayOnly(env)
  expect(await restarted.stop('SIGTERM'), restarted.output()).toBe(0)
  expect(restarted.output()).toMatch(/replaying \d+ spooled call records/)

  const rows = await testDb.db.invocation.findMany({
    where: { requestId: { startsWith: prefix } },
    select: { requestId: true, status: true, costMicros: true },
  })
  // A second write of a call would carry a suffixed request id ("k9…-12~ab12cd"): none may exist.
  const baseIds = rows.map((r) => r.requestId.split('~')[0])
  expect(new Set(baseIds).size).toBe(rows.length)
  const written = new Set(baseIds)
  const lost = answered.filter((a) => !written.has(a.requestId))
  for (const call of lost) expect(killedAt - call.receivedAt).toBeLessThanOrEqual(LOSS_WINDOW_MS)

  const after = await ledgerOf(testDb.db, world.initech.id)
  const charged = rows.filter((r) => r.status === 200).reduce((sum, r) => sum + r.costMicros, 0n)
  expect(after.charged - before.charged).toBe(charged)
  expect(charged).toBe(BigInt(rows.filter((r) => r.status === 200).length) * PRICE)
  expect(after.balance).toBe(after.sumOfEntries)
  console.log(
    `[kill -9] answered ${answered.length}, in the database at the kill ${writtenAtKill}, after replay ${rows.length}, lost ${lost.length}`,
  )
}, 120_000)
