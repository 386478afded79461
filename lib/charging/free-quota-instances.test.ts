import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { utcMonth } from '../billing/month'
import { createDb, type Db } from '../db'
import { createId } from '../ids'
import { startTestGateway, waitFor, type TestGateway } from '../gateway/test-fixtures'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { call, fundAccount, ledgerOf, seedBillingWorld, startBillingUpstream } from './test-billing-world'

// The free quota across two gateway instances, sharing Redis (127.0.0.1:6379) or, without Redis,
// only the database (each free call claimed from the SubscriptionUsage row): a plan's free calls
// are handed out exactly once between them, counting the calls the database already holds.

const FREE = 5

const WORLDS = [
  ['sqlite', 'redis'],
  ['sqlite', 'database'],
  ['postgres', 'redis'],
  ['postgres', 'database'],
] as const

describe.each(WORLDS)('%s, shared through %s', (provider, sharing) => {
  let database: TestDatabase
  let db: Db
  let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
  let gateways: TestGateway[] = []

  beforeAll(async () => {
    database = await createScratchDatabase(provider)
    db = database.db
    upstream = await startBillingUpstream()
  })
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close()
    await upstream?.close()
    await database?.cleanup()
  })

  /** Two instances on one database, each with its own client (and Redis connection, one key prefix). */
  async function twoInstances(): Promise<TestGateway[]> {
    for (const gateway of gateways) await gateway.close()
    const shared =
      sharing === 'redis'
        ? { redisUrl: 'redis://127.0.0.1:6379', redisKeyPrefix: `tollgate:test:${randomUUID()}` }
        : { redisUrl: '' } // not REDIS_URL either, should the environment set one
    gateways = [
      await startTestGateway({ db, databaseUrl: database.url, ...shared }),
      await startTestGateway({ db: createDb(database.url), databaseUrl: database.url, ...shared }),
    ]
    return gateways
  }

  /** `count` calls in rounds of 4 at once, alternating between the instances; their statuses. */
  async function callSplit(instances: TestGateway[], path: string, key: string, count: number) {
    const statuses: number[] = []
    for (let sent = 0; sent < count; sent += 4) {
      const round = Array.from({ length: Math.min(4, count - sent) }, (_, i) =>
        call(instances[(sent + i) % instances.length].url, path, key),
      )
      statuses.push(...(await Promise.all(round)).map((answer) => answer.status))
    }
    return statuses
  }

  test(`${FREE} free calls a month are ${FREE} in total across two instances, then quota_exhausted`, async () => {
    const world = await seedBillingWorld(db, upstream.url, { freeCallsPerMonth: FREE })
    await fundAccount(db, world.initech.id, 0n, { paymentMethodStatus: 'NONE' })
    const instances = await twoInstances()

    const statuses = await callSplit(instances, world.path('/ok'), world.key.value, 4 * FREE)
    expect(
      statuses.filter((s) => s === 200),
      statuses.join(),
    ).toHaveLength(FREE)
    expect(statuses.filter((s) => s === 402)).toHaveLength(3 * FREE)
    const refused = await call(instances[1].url, world.path('/ok'), world.key.value)
    expect(refused.json().code).toBe('quota_exhausted')
    expect((await ledgerOf(db, world.initech.id)).charged).toBe(0n)
  })

  test('calls already in the database count: with 3 of 5 used, 2 are left between the instances', async () => {
    const world = await seedBillingWorld(db, upstream.url, { freeCallsPerMonth: FREE })
    await fundAccount(db, world.initech.id, 0n, { paymentMethodStatus: 'NONE' })
    await db.subscriptionUsage.create({
      data: {
        id: createId('su'),
        subscriptionId: world.weather.subscription.id,
        month: utcMonth(Date.now()),
        calls: 3,
      },
    })
    const instances = await twoInstances()

    const statuses = await callSplit(instances, world.path('/ok'), world.key.value, 10)
    expect(statuses.filter((s) => s === 200)).toHaveLength(2)
  })

  /** The month's free calls claimed from the database row (0 when sharing through Redis). */
  async function claimsOf(subscriptionId: string): Promise<number> {
    const row = await db.subscriptionUsage.findUnique({
      where: { subscriptionId_month: { subscriptionId, month: utcMonth(Date.now()) } },
    })
    return row?.freeClaimed ?? 0
  }

  test('a free call that fails gives its place back to either instance', async () => {
    const world = await seedBillingWorld(db, upstream.url, { freeCallsPerMonth: 2 })
    await fundAccount(db, world.initech.id, 0n, { paymentMethodStatus: 'NONE' })
    const [first, second] = await twoInstances()

    expect((await call(first.url, world.path('/fail'), world.key.value)).status).toBe(500)
    if (sharing === 'database') await waitFor(async () => (await claimsOf(world.weather.subscription.id)) === 0, 2_000)
    expect((await call(first.url, world.path('/ok'), world.key.value)).status).toBe(200)
    expect((await call(second.url, world.path('/ok'), world.key.value)).status).toBe(200)
    expect((await call(second.url, world.path('/ok'), world.key.value)).status).toBe(402)
  })
})
