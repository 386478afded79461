import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, type Db } from '../db'
import { startTestGateway, type TestGateway } from '../gateway/test-fixtures'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { call, fundAccount, PRICE, seedBillingWorld, startBillingUpstream } from './test-billing-world'

// The 402 across two gateway instances on one database: while one instance's lease holds the
// consumer's money (calls in flight there), the other's 402 states the stored balance and, beside
// it, what can really be spent now.

describe.each(['sqlite', 'postgres'] as const)('%s', (provider) => {
  let database: TestDatabase
  let db: Db
  let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
  let busy: TestGateway
  let refusing: TestGateway

  beforeAll(async () => {
    database = await createScratchDatabase(provider)
    db = database.db
    upstream = await startBillingUpstream()
    busy = await startTestGateway({ db, databaseUrl: database.url })
    refusing = await startTestGateway({ db: createDb(database.url), databaseUrl: database.url })
  })
  afterAll(async () => {
    await busy?.close()
    await refusing?.close()
    await upstream?.close()
    await database?.cleanup()
  })

  test("another instance's lease is not spendable: the 402 says so beside the stored balance", async () => {
    const world = await seedBillingWorld(db, upstream.url)
    await fundAccount(db, world.initech.id, 3n * PRICE)
    for (const gateway of [busy, refusing]) await gateway.gateway.store.reload()

    // Three calls hang at the upstream (500 ms timeout) on one instance, each holding its price.
    const inFlight = Array.from({ length: 3 }, () => call(busy.url, world.path('/hang'), world.key.value))
    const leases = async () =>
      (await db.creditLease.aggregate({ where: { teamId: world.initech.id }, _sum: { amountMicros: true } }))._sum
        .amountMicros
    for (let tries = 0; (await leases()) !== 3n * PRICE && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await leases()).toBe(3n * PRICE)

    const refused = await call(refusing.url, world.path('/ok'), world.key.value)
    expect(refused.status).toBe(402)
    expect(refused.json()).toMatchObject({ code: 'insufficient_balance', balance: '0.003', spendable: '0.00' })
    expect(refused.json().detail).toMatch(
      /balance \(\$0\.003\) does not cover this call \(\$0\.001\)\. Of it, \$0\.00 can be spent now; the rest is held by calls in flight\./,
    )

    // The hung calls time out (504, never charged) and their money is spendable again.
    expect((await Promise.all(inFlight)).map((res) => res.status)).toEqual([504, 504, 504])
    expect((await call(busy.url, world.path('/ok'), world.key.value)).status).toBe(200)
  })
})
