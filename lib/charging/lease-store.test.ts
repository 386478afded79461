import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Db } from '../db'
import { createTestTeam } from '../testing/create-test-team'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { LEASE_TTL_MS, LeaseStore } from './lease-store'

// Credit leases directly: what one instance holds, no other can grant; a dead instance's lease
// stops counting when it expires; budgets cap grants as balances do.

const policy = { floorMicros: 1_000n, chunkMicros: 10_000n }

describe.each(['sqlite', 'postgres'] as const)('%s', (provider) => {
  let database: TestDatabase
  let db: Db

  beforeAll(async () => {
    database = await createScratchDatabase(provider)
    db = database.db
  })
  afterAll(async () => {
    await database?.cleanup()
  })

  async function account(balanceMicros: bigint, extra: { monthlyBudgetMicros?: bigint } = {}) {
    const team = await createTestTeam(
      { label: 'buyer', billingAccount: { balanceMicros, paymentMethodStatus: 'VALID', ...extra } },
      db,
    )
    return team.id
  }

  test('grants the need plus a chunk from above the floor, and the rest call by call', async () => {
    const teamId = await account(5_000n)
    const store = new LeaseStore(db, 'gw-a', policy)
    // 5,000 available: extra = (5,000 - 100 - 1,000) / 4 = 975.
    expect((await store.grant(teamId, 100n)).grantedMicros).toBe(1_075n)
    // Within the floor nothing extra is handed out.
    const small = await account(800n)
    expect((await store.grant(small, 100n)).grantedMicros).toBe(100n)
  })

  test('what one instance holds, another cannot be granted; released money can', async () => {
    const teamId = await account(1_000n)
    const a = new LeaseStore(db, 'gw-a', policy)
    const b = new LeaseStore(db, 'gw-b', policy)
    expect((await a.grant(teamId, 1_000n)).grantedMicros).toBe(1_000n)
    const refused = await b.grant(teamId, 1n)
    expect(refused.grantedMicros).toBe(0n)
    expect(refused.facts).toMatchObject({ balanceMicros: 1_000n, leasedMicros: 1_000n })
    await a.release(teamId, 400n)
    expect((await b.grant(teamId, 400n)).grantedMicros).toBe(400n)
  })

  test("a dead instance's lease stops counting when it expires, and old dead leases are cleared", async () => {
    const teamId = await account(1_000n)
    const dead = new LeaseStore(db, 'gw-dead', policy)
    const live = new LeaseStore(db, 'gw-live', policy)
    const start = Date.now()
    await dead.grant(teamId, 1_000n, start)
    expect((await live.grant(teamId, 500n, start + 1_000)).grantedMicros).toBe(0n)
    // The live instance keeps its own lease fresh; the dead one's runs out.
    expect((await live.grant(teamId, 500n, start + LEASE_TTL_MS + 1)).grantedMicros).toBe(500n)
    await live.heartbeat(start + LEASE_TTL_MS + 2 * 3_600_000)
    expect(await db.creditLease.count({ where: { teamId, instanceId: 'gw-dead' } })).toBe(0)
    expect(await db.creditLease.count({ where: { teamId, instanceId: 'gw-live' } })).toBe(1)
  })

  test('a budget caps grants like a balance does, and an unknown account grants nothing', async () => {
    const teamId = await account(1_000_000n, { monthlyBudgetMicros: 300n })
    const store = new LeaseStore(db, 'gw-a', policy)
    expect((await store.grant(teamId, 300n)).grantedMicros).toBe(300n)
    expect((await store.grant(teamId, 1n)).grantedMicros).toBe(0n)
    const none = await store.grant('team_missing', 1n)
    expect(none).toMatchObject({ grantedMicros: 0n, facts: { exists: false } })
  })
})
