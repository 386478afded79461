import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, type Db } from '../db'
import { startTestGateway, waitFor, type TestGateway } from '../gateway/test-fixtures'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { DEFAULT_GRANT_POLICY } from './lease-charging'
import { call, fundAccount, ledgerOf, PRICE, seedBillingWorld, startBillingUpstream } from './test-billing-world'

// No overdraft at any concurrency: with a balance that covers exactly N calls, 10×N simultaneous
// calls give exactly N successes and 9×N 402s, through the real gateway, on SQLite and on
// PostgreSQL, with leases granted call by call (near empty) or all at once (in memory), and
// across two gateway instances sharing the database.

const N = 20

describe.each(['sqlite', 'postgres'] as const)('%s', (provider) => {
  let database: TestDatabase
  let db: Db
  let upstream: Awaited<ReturnType<typeof startBillingUpstream>>

  beforeAll(async () => {
    database = await createScratchDatabase(provider)
    db = database.db
    upstream = await startBillingUpstream()
  })
  afterAll(async () => {
    await upstream?.close()
    await database?.cleanup()
  })

  async function fire(gateways: TestGateway[], path: string, key: string, count: number) {
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) => call(gateways[i % gateways.length].url, path, key)),
    )
    return results
  }

  async function expectExactlyN(gateways: TestGateway[]) {
    const world = await seedBillingWorld(db, upstream.url)
    await fundAccount(db, world.initech.id, PRICE * BigInt(N))
    await Promise.all(gateways.map((g) => g.gateway.store.reload()))

    const results = await fire(gateways, world.path('/ok'), world.key.value, 10 * N)

    const ok = results.filter((r) => r.status === 200)
    const refused = results.filter((r) => r.status === 402)
    expect(ok).toHaveLength(N)
    expect(refused).toHaveLength(9 * N)
    expect(new Set(refused.map((r) => r.json().code))).toEqual(new Set(['insufficient_balance']))
    // Every refusal of the episode names the same incident.
    expect(new Set(refused.map((r) => r.json().incidentId)).size).toBe(1)

    for (const g of gateways) await g.gateway.writer.flush()
    const ledger = await ledgerOf(db, world.initech.id)
    expect(ledger).toEqual({ balance: 0n, sumOfEntries: 0n, charged: PRICE * BigInt(N) })
    const rows = await db.invocation.groupBy({
      by: ['status'],
      where: { consumerTeamId: world.initech.id },
      _count: true,
      _sum: { costMicros: true },
    })
    expect(rows.find((r) => r.status === 200)).toMatchObject({ _count: N, _sum: { costMicros: PRICE * BigInt(N) } })
    expect(rows.find((r) => r.status === 402)?._count).toBe(9 * N)
    const incident = await waitFor(
      () => db.paymentIncident.findFirst({ where: { consumerTeamId: world.initech.id } }).then((i) => i ?? undefined),
      2_000,
    )
    expect(incident).toMatchObject({
      state: 'OPEN',
      cause: 'insufficient_balance',
      blockedCalls: 9 * N,
      blockedRevenueMicros: PRICE * BigInt(9 * N),
    })
    return world
  }

  test(`near empty (leases call by call): ${10 * N} concurrent calls, exactly ${N} succeed`, async () => {
    const gateway = await startTestGateway({ db, databaseUrl: database.url })
    try {
      await expectExactlyN([gateway])
    } finally {
      await gateway.close()
    }
  }, 60_000)

  test(`in memory (one lease for the whole balance): ${10 * N} concurrent calls, exactly ${N} succeed`, async () => {
    const gateway = await startTestGateway({
      db,
      databaseUrl: database.url,
      grantPolicy: { ...DEFAULT_GRANT_POLICY, floorMicros: 0n },
    })
    try {
      const world = await expectExactlyN([gateway])
      // The first grant took the whole balance at once (within the chunk), so the calls were reserved in memory.
      const leases = await db.creditLease.findMany({ where: { teamId: world.initech.id } })
      expect(leases).toHaveLength(1)
    } finally {
      await gateway.close()
    }
  }, 60_000)

  test(`two gateway instances on one database: still exactly ${N}`, async () => {
    const first = await startTestGateway({ db, databaseUrl: database.url })
    const second = await startTestGateway({ db: createDb(database.url), databaseUrl: database.url })
    try {
      const world = await expectExactlyN([first, second])
      const leases = await db.creditLease.findMany({ where: { teamId: world.initech.id } })
      expect(new Set(leases.map((l) => l.instanceId)).size).toBe(2)
    } finally {
      await first.close()
      await second.close()
    }
  }, 60_000)
})
