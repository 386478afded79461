// Integration: how a gateway's snapshot store takes in config events. A change that names one row
// and is the next version re-reads only that row; a skipped version reloads everything; an event
// announced before its change is visible is left for later; a newer state is never overwritten.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { announceConfigChange } from '@/lib/config-events/config-bus'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { revokeKey } from '@/lib/keys/revoke-key'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { SnapshotStore } from './snapshot-store'
import { createKey, waitFor } from './test-fixtures'

let database: TestDatabase
let team: TestTeam
let store: SnapshotStore

beforeAll(async () => {
  database = await setupTestDatabase()
  team = await createTestTeam({ label: 'globex' })
  await publishConfigChange(db)
  // No poll within the test: every change here arrives through an event or not at all.
  store = new SnapshotStore(db, { pollMs: 600_000 })
  await store.start()
})
afterAll(async () => {
  await store?.stop()
  await database?.cleanup()
})

const isRevoked = (keyId: string) => (store.current.keysById.get(keyId)?.revokedAt ?? Infinity) < Infinity
const atVersion = (version: number) => waitFor(async () => store.current.version === version, 2_000, 5)
const nextTurns = () => new Promise((resolve) => setTimeout(resolve, 100))

test('a revoked key is re-read alone: the store refuses it at the new version, and rows written without an event stay unseen', async () => {
  const key = await createKey(db, team.id)
  await publishConfigChange(db)
  await atVersion(await readConfigVersion(db))
  const unannounced = await createKey(db, team.id)

  await revokeKey(team.scope, { keyId: key.id })
  await atVersion(await readConfigVersion(db))
  expect(isRevoked(key.id)).toBe(true)
  expect(store.current.keysById.has(unannounced.id)).toBe(false)
})

test('an event after a skipped version (its notification lost) reloads everything', async () => {
  const key = await createKey(db, team.id)
  const unannounced = await createKey(db, team.id)
  const { version } = await db.configVersion.update({ where: { id: 1 }, data: { version: { increment: 2 } } })
  announceConfigChange(version, { kind: 'key', id: key.id })
  await atVersion(version)
  expect(store.current.keysById.has(key.id)).toBe(true)
  expect(store.current.keysById.has(unannounced.id)).toBe(true)
})

test('an event announced before its change is visible leaves the snapshot as it was', async () => {
  const before = store.current
  const key = await createKey(db, team.id)
  announceConfigChange(before.version + 1, { kind: 'key', id: key.id })
  await nextTurns()
  expect(store.current).toBe(before)
  expect(store.current.keysById.has(key.id)).toBe(false)
})

test('a key revoked then restored in quick succession ends restored, at the later version', async () => {
  const key = await createKey(db, team.id)
  await publishConfigChange(db)
  await atVersion(await readConfigVersion(db))

  await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } })
  await publishConfigChange(db, { kind: 'key', id: key.id })
  await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: null } })
  const last = await publishConfigChange(db, { kind: 'key', id: key.id })
  await atVersion(last)
  await nextTurns()
  expect(store.current.version).toBe(last)
  expect(isRevoked(key.id)).toBe(false)
})
