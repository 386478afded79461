// Integration, PostgreSQL only (its own database whatever TEST_DATABASE_URL says): what a listener
// in another process hears of published config changes.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createScratchDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { waitFor } from '@/lib/gateway/test-fixtures'
import type { ConfigChange } from './config-change'
import { listenConfigChanges, type ConfigListener } from './listen-config-changes'
import { publishConfigChange } from './publish-config-change'

let database: TestDatabase
let listener: ConfigListener
const heard: number[] = []
const changes: (ConfigChange | undefined)[] = []
let reconnects = 0

beforeAll(async () => {
  database = await createScratchDatabase('postgres')
  listener = listenConfigChanges(database.url, {
    onVersion: (version, change) => {
      heard.push(version)
      changes.push(change)
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

test('a killed listener connection comes back, says so, and hears later changes', async () => {
  await database.db.$executeRawUnsafe(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'tollgate-config-listener:%' AND datname = current_database()",
  )
  await waitFor(async () => reconnects === 1, 2_000)
  const version = await publishConfigChange(database.db)
  await waitFor(async () => heard.includes(version), 1_000)
})
