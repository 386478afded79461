import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestUpstream } from '../testing/start-test-upstream'
import { startTestGateway, type TestGateway } from './test-fixtures'
import { rawRequest } from './test-raw-http'
import { seedWorld, type World } from './test-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// One request, one key. Node keeps the first of two Authorization lines and joins X-Api-Key
// lines, so a repeated or contradictory credential is refused (400 ambiguous_credentials) rather
// than resolved by the parser's choice. Raw sockets: HTTP clients merge repeated headers.

let testDb: TestDatabase
let upstream: Awaited<ReturnType<typeof startTestUpstream>>
let gw: TestGateway
let world: World

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startTestUpstream()
  world = await seedWorld(testDb.db, upstream.url, upstream.downUrl)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await upstream?.close()
  await testDb?.cleanup()
})

const current = () => `${world.base('weather', 'v2')}/current`

test.each([
  {
    name: 'two Authorization lines, the first a valid key',
    target: current,
    lines: () => [
      `Authorization: Bearer ${world.keys.valid.value}`,
      'Authorization: Bearer tg_test_someoneelse0000000000000',
    ],
  },
  {
    name: 'the same valid key in two Authorization lines',
    target: current,
    lines: () => [`Authorization: Bearer ${world.keys.valid.value}`, `authorization: Bearer ${world.keys.valid.value}`],
  },
  {
    name: 'two X-Api-Key lines',
    target: current,
    lines: () => [`X-Api-Key: ${world.keys.valid.value}`, `X-API-KEY: ${world.keys.outsider.value}`],
  },
  {
    name: 'different Tollgate keys in Authorization and X-Api-Key',
    target: current,
    lines: () => [`Authorization: Bearer ${world.keys.valid.value}`, `X-Api-Key: ${world.keys.outsider.value}`],
  },
  {
    name: 'two Authorization lines on /gw/_me/usage',
    target: () => '/gw/_me/usage',
    lines: () => [`Authorization: Bearer ${world.keys.valid.value}`, 'Authorization: Basic Zm9vOmJhcg=='],
  },
])('$name → 400 ambiguous_credentials, nothing forwarded', async ({ target, lines }) => {
  const before = upstream.requests.length
  const res = await rawRequest(gw.url, `GET ${target()} HTTP/1.1`, lines())
  expect(res.status).toBe(400)
  expect(res.header('content-type')).toBe('application/problem+json')
  expect(res.json()).toMatchObject({
    status: 400,
    code: 'ambiguous_credentials',
    type: '/docs/errors/ambiguous-credentials',
  })
  expect(upstream.requests.length).toBe(before)
})

test.each([
  {
    name: 'the same key in Authorization and X-Api-Key',
    lines: () => [`Authorization: Bearer ${world.keys.valid.value}`, `X-Api-Key: ${world.keys.valid.value}`],
  },
  {
    name: "the upstream's own bearer token and a Tollgate key in X-Api-Key",
    lines: () => ['Authorization: Bearer upstream-token', `X-Api-Key: ${world.keys.valid.value}`],
  },
])('$name is one credential: 200', async ({ lines }) => {
  const res = await rawRequest(gw.url, `GET ${current()} HTTP/1.1`, lines())
  expect(res.status).toBe(200)
  expect(res.json()).toEqual({ ok: true })
})
