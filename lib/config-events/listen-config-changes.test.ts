// Integration, PostgreSQL only (its own database whatever TEST_DATABASE_URL says): what a listener
// in another process hears of published config changes.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb } from '@/lib/db'
import { applyConfigDelta } from '@/lib/gateway/apply-config-delta'
import { EMPTY_SNAPSHOT } from '@/lib/gateway/snapshot-types'
import { createApi, createKey, waitFor } from '@/lib/gateway/test-fixtures'
import { hashKey } from '@/lib/credentials/key-format'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { createScratchDatabase, type TestDatabase } from '@/lib/testing/test-database'
import type { ChangeRow } from './change-rows'
import type { ConfigChange } from './config-change'
import { listenConfigChanges, type ConfigListener } from './listen-config-changes'
import { publishConfigChange } from './publish-config-change'

let database: TestDatabase
let listener: ConfigListener
const heard: number[] = []
const changes: (ConfigChange | undefined)[] = []
const rows = new Map<number, ChangeRow | undefined>()
let reconnects = 0

beforeAll(async () => {
  database = await createScratchDatabase('postgres')
  listener = listenConfigChanges(database.url, {
    onVersion: (version, change, row) => {
      heard.push(version)
      changes.push(change)
      rows.set(version, row)
    },
    onReconnect: () => reconnects++,
    retryMs: 50,
  })
  expect(await listener.ready).toBe(true)
})
afterAll(async () => {
  await listener?.close()
  await database?.cleanup()
})

test('each committed change is heard with its version; a rolled-back one never is', async () => {
  const first = await publishConfigChange(database.db)
  await waitFor(async () => heard.includes(first), 1_000)

  await expect(
    database.db.$transaction(async (tx) => {
      await publishConfigChange(tx)
      throw new Error('the change failed')
    }),
  ).rejects.toThrow('the change failed')
  const committed = await database.db.$transaction((tx) => publishConfigChange(tx))
  await waitFor(async () => heard.includes(committed), 1_000)
  // The rolled-back transaction took version first + 1 and gave it back: nobody heard it.
  expect(committed).toBe(first + 1)
  expect(heard).toEqual([first, committed])
})

test('a change that names its row is heard with it', async () => {
  const version = await publishConfigChange(database.db, { kind: 'subscription', id: 'sub_suspended' })
  await waitFor(async () => heard.includes(version), 1_000)
  expect(changes[heard.indexOf(version)]).toEqual({ kind: 'subscription', id: 'sub_suspended' })
  expect(changes[heard.indexOf(version - 1)]).toBeUndefined()
})

test('a named row travels as its transaction left it, and another instance applies it without a read', async () => {
  const owner = await createTestTeam({ label: 'owner' }, database.db)
  const consumer = await createTestTeam({ label: 'consumer' }, database.db)
  const { subscription } = await createApi(database.db, {
    ownerTeamId: owner.id,
    consumerTeamId: consumer.id,
    slug: 'rows',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: 'http://127.0.0.1:9' }],
    rateLimit: 7,
  })
  await database.db.plan.update({
    where: { id: subscription.planId },
    data: { pricePerCallMicros: 9_007_199_254_740_993n },
  })
  const key = await createKey(database.db, consumer.id)
  const revokedAt = new Date('2026-12-04T10:11:12.345Z')
  const keyVersion = await database.db.$transaction(async (tx) => {
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt } })
    return publishConfigChange(tx, { kind: 'key', id: key.id })
  })
  const subscriptionVersion = await publishConfigChange(database.db, { kind: 'subscription', id: subscription.id })
  await waitFor(async () => heard.includes(subscriptionVersion), 1_000)

  const keyRow = rows.get(keyVersion)
  expect(keyRow).toMatchObject({ kind: 'key', key: { id: key.id, hash: hashKey(key.value), revokedAt } })
  // 64-bit money survives the JSON of the payload exactly (2^53 + 1 would round as a float).
  expect(rows.get(subscriptionVersion)).toMatchObject({
    kind: 'subscription',
    subscription: {
      id: subscription.id,
      state: 'ACTIVE',
      plan: { rateLimit: 7, pricePerCallMicros: 9_007_199_254_740_993n },
    },
  })

  // A client whose every query fails: the delta can only have come from the payload.
  const unreachable = createDb('postgresql://postgres@127.0.0.1:1/unreachable')
  const notice = { version: keyVersion, change: { kind: 'key', id: key.id } as const, committed: true }
  const applied = await applyConfigDelta(
    unreachable,
    { ...EMPTY_SNAPSHOT, version: keyVersion - 1 },
    { ...notice, row: keyRow },
  )
  expect(applied).not.toBeTypeOf('string')
  const snapshot = applied as Exclude<typeof applied, string>
  expect(snapshot.version).toBe(keyVersion)
  expect(snapshot.keysByHash.get(hashKey(key.value))).toMatchObject({ id: key.id, revokedAt: revokedAt.getTime() })
  // Without the row it has to read, and that client cannot.
  await expect(applyConfigDelta(unreachable, EMPTY_SNAPSHOT, notice)).rejects.toThrow()
  await unreachable.$disconnect()
})

test('a killed listener connection comes back, says so, and hears later changes', async () => {
  await database.db.$executeRawUnsafe(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'tollgate-config-listener:%' AND datname = current_database()",
  )
  await waitFor(async () => reconnects === 1, 2_000)
  const version = await publishConfigChange(database.db)
  await waitFor(async () => heard.includes(version), 1_000)
})
