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
} from './test-billing-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// Charges are written in the metering writer's transactions, with the calls they are for.
// A graceful shutdown writes every one of them; a kill -9 loses at most the last flush interval's
// and never writes one twice (a charge and its call commit together or not at all).

let testDb: TestDatabase
let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
let world: BillingWorld

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startBillingUpstream()
  world = await seedBillingWorld(testDb.db, upstream.url)
  await fundAccount(testDb.db, world.initech.id, 100_000n * PRICE)
})
afterAll(async () => {
  await upstream?.close()
  await testDb?.cleanup()
})

async function fireSequentially(url: string, count: number): Promise<number> {
  let ok = 0
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(Array.from({ length: 20 }, () => call(url, world.path('/ok'), world.key.value)))
    ok += batch.filter((r) => r.status === 200).length
  }
  return ok
}

test('SIGTERM: every charge of every answered call is written, and the lease is handed back', async () => {
  const before = await ledgerOf(testDb.db, world.initech.id)
  // A flush interval of a minute: without the shutdown flush, every charge would still be in memory.
  const gateway = await spawnGatewayOnly({ DATABASE_URL: testDb.url, METERING_FLUSH_MS: '60000' })
  const ok = await fireSequentially(gateway.url, 200)
  expect(ok).toBe(200)
  expect((await ledgerOf(testDb.db, world.initech.id)).charged).toBe(before.charged)

  expect(await gateway.stop('SIGTERM'), gateway.output()).toBe(0)

  const after = await ledgerOf(testDb.db, world.initech.id)
  expect(after.charged - before.charged).toBe(200n * PRICE)
  expect(after.balance).toBe(after.sumOfEntries)
  expect(await testDb.db.creditLease.count({ where: { teamId: world.initech.id } })).toBe(0)
}, 60_000)

test('kill -9: no charge is written twice, balance = sum of entries, and the loss is bounded by the flush interval', async () => {
  const before = await ledgerOf(testDb.db, world.initech.id)
  const rowsBefore = await testDb.db.invocation.count({ where: { consumerTeamId: world.initech.id, status: 200 } })
  const gateway = await spawnGatewayOnly({ DATABASE_URL: testDb.url, METERING_FLUSH_MS: '100' })
  const ok = await fireSequentially(gateway.url, 400)
  // Calls answered in the last moments before the kill are the ones that may be lost.
  const lastBurst = await Promise.all(
    Array.from({ length: 20 }, () => call(gateway.url, world.path('/ok'), world.key.value)),
  )
  await gateway.stop('SIGKILL')
  const answered = ok + lastBurst.filter((r) => r.status === 200).length

  const after = await ledgerOf(testDb.db, world.initech.id)
  const rows = await testDb.db.invocation.aggregate({
    where: { consumerTeamId: world.initech.id, status: 200 },
    _count: true,
    _sum: { costMicros: true },
  })
  const written = rows._count - rowsBefore
  // Each written call carries its charge, and the ledger holds exactly those charges: none twice.
  expect(after.charged - before.charged).toBe(BigInt(written) * PRICE)
  expect(rows._sum.costMicros).toBe(after.charged)
  expect(after.balance).toBe(after.sumOfEntries)
  // Lost: at most what was answered after the last flush (100 ms), far fewer than the last burst plus a flush of calls.
  expect(written).toBeLessThanOrEqual(answered)
  expect(answered - written).toBeLessThanOrEqual(lastBurst.length + 60)
  // The dead instance's lease still counts until it expires; it cannot be spent by anyone else meanwhile.
  const lease = await testDb.db.creditLease.findFirstOrThrow({ where: { teamId: world.initech.id } })
  expect(lease.expiresAt.getTime()).toBeGreaterThan(Date.now())
}, 60_000)
