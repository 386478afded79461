import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { publishConfigChange } from '../config-events/publish-config-change'
import { createApi, createKey, startTestGateway, waitFor, type TestGateway } from './test-fixtures'
import { spawnGatewayOnly, type SpawnedGateway } from './test-spawn-gateway'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// Keys change while gateways run: rotation grace, and revocation reaching an in-process gateway
// (config bus) and a separate gateway process (polling) within one second.

let testDb: TestDatabase
let upstream: DemoUpstream
let gw: TestGateway
let other: SpawnedGateway
let consumerTeamId: string
let path: string

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  const acme = await createTestTeam({ label: 'acme' }, testDb.db)
  const globex = await createTestTeam({ label: 'globex' }, testDb.db)
  consumerTeamId = globex.id
  await createApi(testDb.db, {
    ownerTeamId: acme.id,
    consumerTeamId,
    slug: 'weather',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: `${upstream.url}/weather` }],
  })
  path = `/gw/${acme.slug}/weather/v1/current?city=Turin`
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
  other = await spawnGatewayOnly({ DATABASE_URL: testDb.url })
})

afterAll(async () => {
  await other?.stop()
  await gw?.close()
  await upstream?.close()
  await testDb?.cleanup()
})

async function status(baseUrl: string, key: string): Promise<number> {
  const res = await request(baseUrl + path, { headers: { authorization: `Bearer ${key}` } })
  await res.body.dump()
  return res.statusCode
}

test('a rotated key keeps working until graceEndsAt, then answers 401', async () => {
  const old = await createKey(testDb.db, consumerTeamId)
  const replacement = await createKey(testDb.db, consumerTeamId)
  await publishConfigChange(testDb.db)
  await waitFor(async () => (await status(gw.url, replacement.value)) === 200, 1_000)

  const graceEndsAt = new Date(Date.now() + 1_500)
  await testDb.db.apiKey.update({ where: { id: old.id }, data: { graceEndsAt, replacedById: replacement.id } })
  await publishConfigChange(testDb.db)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(await status(gw.url, old.value)).toBe(200)
  expect(await status(gw.url, replacement.value)).toBe(200)

  // No reload is needed when the grace ends: the time is checked on every call.
  await new Promise((resolve) => setTimeout(resolve, graceEndsAt.getTime() - Date.now() + 50))
  const res = await request(gw.url + path, { headers: { authorization: `Bearer ${old.value}` } })
  expect(res.statusCode).toBe(401)
  expect(((await res.body.json()) as { code: string }).code).toBe('key_expired')
  expect(await status(gw.url, replacement.value)).toBe(200)
})

test('revocation reaches the in-process gateway within 1 s (config bus)', async () => {
  const key = await createKey(testDb.db, consumerTeamId)
  await publishConfigChange(testDb.db)
  await waitFor(async () => (await status(gw.url, key.value)) === 200, 1_000)

  await testDb.db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } })
  const revokedAt = Date.now()
  await publishConfigChange(testDb.db)
  await waitFor(async () => (await status(gw.url, key.value)) === 401, 1_000)
  expect(Date.now() - revokedAt).toBeLessThan(1_000)
})

test('revocation reaches a separate gateway-only process within 1 s (polling)', async () => {
  const key = await createKey(testDb.db, consumerTeamId)
  await publishConfigChange(testDb.db)
  await waitFor(async () => (await status(other.url, key.value)) === 200, 2_000)

  await testDb.db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } })
  const revokedAt = Date.now()
  await publishConfigChange(testDb.db)
  await waitFor(async () => (await status(other.url, key.value)) === 401, 1_000, 20)
  expect(Date.now() - revokedAt).toBeLessThan(1_000)
})
