// Integration, PostgreSQL only (its own database whatever TEST_DATABASE_URL says): two gateway
// processes without Redis share a plan's free quota through the database alone. A quota of N
// gives exactly N free calls between them; the calls after it take the priced path.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { spawnGatewayOnly, type SpawnedGateway } from '../gateway/test-spawn-gateway'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { call, fundAccount, ledgerOf, PRICE, seedBillingWorld, startBillingUpstream } from './test-billing-world'

const FREE = 6

let database: TestDatabase
let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
let gateways: SpawnedGateway[] = []

let world: Awaited<ReturnType<typeof seedBillingWorld>>

beforeAll(async () => {
  database = await createScratchDatabase('postgres')
  upstream = await startBillingUpstream()
  world = await seedBillingWorld(database.db, upstream.url, { freeCallsPerMonth: FREE })
  await fundAccount(database.db, world.initech.id, 1_000_000n)
  const env = { DATABASE_URL: database.url, REDIS_URL: '', TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1' }
  // One after the other, each given a minute: a gateway took 27 s to start at a load average of 26.
  gateways = [await spawnGatewayOnly(env, 60_000), await spawnGatewayOnly(env, 60_000)]
}, 150_000)
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop()
  await upstream?.close()
  await database?.cleanup()
})

test(`${FREE} free calls are ${FREE} in total across two gateway processes without Redis, then each call is charged`, async () => {
  const calls = 4 * FREE
  const statuses: number[] = []
  for (let sent = 0; sent < calls; sent += 4) {
    const round = [0, 1, 2, 3].map((i) => call(gateways[(sent + i) % 2].url, world.path('/ok'), world.key.value))
    statuses.push(...(await Promise.all(round)).map((answer) => answer.status))
  }
  expect(
    statuses.every((status) => status === 200),
    statuses.join(),
  ).toBe(true)

  // SIGTERM: each process flushes its calls' records and charges before it exits.
  for (const gateway of gateways) await gateway.stop()
  gateways = []
  const usage = await database.db.subscriptionUsage.findFirstOrThrow({
    where: { subscriptionId: world.weather.subscription.id },
  })
  expect(usage).toMatchObject({ calls, freeClaimed: FREE })
  expect((await ledgerOf(database.db, world.initech.id)).charged).toBe(PRICE * BigInt(calls - FREE))
})
