import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Db } from '../db'
import { startTestGateway, type TestGateway } from '../gateway/test-fixtures'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { call, fundAccount, PRICE, seedBillingWorld, startBillingUpstream } from './test-billing-world'

// When the database cannot be reached to grant funds, a paid call can be neither paid for nor
// refused for want of money: it is a 503 to retry, never a 402 (and never a 500).

let database: TestDatabase
let db: Db
let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
let gateway: TestGateway

beforeAll(async () => {
  database = await createScratchDatabase('postgres')
  db = database.db
  upstream = await startBillingUpstream()
  gateway = await startTestGateway({ db, databaseUrl: database.url })
})
afterAll(async () => {
  // The database is gone: the last call records cannot be written, so do not wait long for them.
  await gateway?.close(500).catch(() => {})
  await upstream?.close()
  await database?.cleanup()
})

test('a paid call whose funds cannot be granted answers 503 billing_unavailable with Retry-After', async () => {
  const world = await seedBillingWorld(db, upstream.url)
  // Below the lease floor every call needs its own grant from the database.
  await fundAccount(db, world.initech.id, 3n * PRICE)
  await gateway.gateway.store.reload()
  expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)

  const url = new URL(database.url)
  const name = url.pathname.slice(1)
  url.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`)
  await admin.end()

  const res = await call(gateway.url, world.path('/ok'), world.key.value)
  expect(res.status).toBe(503)
  expect(res.headers['retry-after']).toBe('1')
  expect(res.json()).toMatchObject({ status: 503, code: 'billing_unavailable' })
}, 30_000)
