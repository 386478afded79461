// Integration: a published config change reaches gateways both ways they listen: the version row
// another process polls, and the in-process bus a same-process gateway reloads on at once.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createDb, db, type Db } from '@/lib/db'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { onConfigChange } from './config-bus'
import { publishConfigChange } from './publish-config-change'
import { readConfigVersion } from './read-config-version'

let database: TestDatabase
let otherProcess: Db
beforeAll(async () => {
  database = await setupTestDatabase()
  // A second client on the same database stands in for a gateway in another process.
  otherProcess = createDb(database.url)
})
afterAll(async () => {
  await otherProcess?.$disconnect()
  await database?.cleanup()
})

// Announcements go out on the next turn of the event loop, in order: after one turn, all are out.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

test('each published change moves the version another process polls by one, from 0 before the first', async () => {
  expect(await readConfigVersion(otherProcess)).toBe(0)
  expect(await publishConfigChange(db)).toBe(1)
  expect(await publishConfigChange(db)).toBe(2)
  expect(await readConfigVersion(otherProcess)).toBe(2)
})

test('a subscriber in the same process hears the new version; after unsubscribing it hears nothing', async () => {
  await nextTurn()
  const heard: number[] = []
  const unsubscribe = onConfigChange((version) => heard.push(version))
  const version = await publishConfigChange(db)
  await nextTurn()
  expect(heard).toEqual([version])

  unsubscribe()
  expect(await publishConfigChange(db)).toBe(version + 1)
  await nextTurn()
  expect(heard).toEqual([version])
})

test('published in a transaction, the change is seen when the transaction commits and not if it rolls back', async () => {
  const before = await readConfigVersion(otherProcess)
  await expect(
    db.$transaction(async (tx) => {
      await publishConfigChange(tx)
      throw new Error('the change failed')
    }),
  ).rejects.toThrow('the change failed')
  expect(await readConfigVersion(otherProcess)).toBe(before)

  const committed = await db.$transaction((tx) => publishConfigChange(tx))
  expect(committed).toBe(before + 1)
  expect(await readConfigVersion(otherProcess)).toBe(before + 1)
})
