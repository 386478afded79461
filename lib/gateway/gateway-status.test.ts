import { Readable } from 'node:stream'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { closedPort, startTestGateway, waitFor, type TestGateway } from './test-fixtures'
import { seedWorld, type World } from './test-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// Every status the gateway can answer, through a real gateway, a real upstream and a real DB.

let testDb: TestDatabase
let upstream: DemoUpstream
let gw: TestGateway
let world: World

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  world = await seedWorld(testDb.db, upstream.url, `http://127.0.0.1:${await closedPort()}`)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url, maxBodyBytes: 1024 })
})

afterAll(async () => {
  await gw?.close()
  await upstream?.close()
  await testDb?.cleanup()
})

async function call(
  path: string,
  init: { key?: string | null; method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers }
  const key = init.key === undefined ? world.keys.valid.value : init.key
  if (key) headers.authorization = `Bearer ${key}`
  const res = await request(gw.url + path, { method: (init.method ?? 'GET') as 'GET', headers, body: init.body })
  const text = await res.body.text()
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> }
}

describe('error answers are problem+json with a stable code', () => {
  const cases: Array<{ name: string; path: () => string; key?: () => string | null; status: number; code: string }> = [
    { name: 'unknown route', path: () => `/gw/${world.acme.slug}/nope/v1/x`, status: 404, code: 'route_not_found' },
    { name: 'too few segments', path: () => `/gw/${world.acme.slug}/weather`, status: 404, code: 'route_not_found' },
    {
      name: 'DRAFT version',
      path: () => world.base('weather', 'v3') + '/current',
      status: 404,
      code: 'route_not_found',
    },
    {
      name: 'dot segments',
      path: () => world.base('weather', 'v2') + '/../../admin',
      status: 404,
      code: 'route_not_found',
    },
    {
      name: 'missing key',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => null,
      status: 401,
      code: 'missing_key',
    },
    {
      name: 'unknown key',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => 'tg_test_00000000000000000000000000000000',
      status: 401,
      code: 'invalid_key',
    },
    {
      name: 'malformed key',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => 'hello',
      status: 401,
      code: 'invalid_key',
    },
    {
      name: 'expired key',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => world.keys.expired.value,
      status: 401,
      code: 'key_expired',
    },
    {
      name: 'revoked key',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => world.keys.revoked.value,
      status: 401,
      code: 'key_revoked',
    },
    {
      name: 'team not subscribed',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => world.keys.outsider.value,
      status: 403,
      code: 'not_subscribed',
    },
    {
      name: 'key restricted to another subscription',
      path: () => world.base('weather', 'v2') + '/current',
      key: () => world.keys.restricted.value,
      status: 403,
      code: 'not_subscribed',
    },
    {
      name: 'RETIRED version',
      path: () => world.base('weather', 'v0') + '/current',
      status: 410,
      code: 'version_retired',
    },
    {
      name: 'upstream refuses connections',
      path: () => world.base('dead', 'v1') + '/x',
      status: 502,
      code: 'upstream_unreachable',
    },
    {
      name: 'upstream slower than timeoutMs',
      path: () => world.base('slow', 'v1') + '/echo?delay=2000',
      status: 504,
      code: 'upstream_timeout',
    },
  ]
  test.each(cases)('$name → $status $code', async ({ path, key, status, code }) => {
    const res = await call(path(), { key: key ? key() : undefined })
    expect(res.status).toBe(status)
    expect(res.headers['content-type']).toBe('application/problem+json')
    const body = res.json()
    expect(body).toMatchObject({ status, code, type: `/docs/errors/${code.replaceAll('_', '-')}` })
    expect(typeof body.detail).toBe('string')
    expect(res.headers['x-request-id']).toBe(body.requestId)
  })
})

test('200: proxies to the upstream with path and query', async () => {
  const res = await call(world.base('weather', 'v2') + '/current?city=Oslo')
  expect(res.status).toBe(200)
  expect(res.json()).toMatchObject({ city: 'Oslo', condition: expect.any(String) })
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
})

test('X-Api-Key works as well as Bearer, and a valid incoming X-Request-Id is kept', async () => {
  const res = await call(world.base('weather', 'v2') + '/forecast?city=Rome&days=2', {
    key: null,
    headers: { 'x-api-key': world.keys.valid.value, 'x-request-id': 'client-req-123' },
  })
  expect(res.status).toBe(200)
  expect((res.json().days as unknown[]).length).toBe(2)
  expect(res.headers['x-request-id']).toBe('client-req-123')
  const bad = await call(world.base('weather', 'v2') + '/current', {
    headers: { 'x-request-id': 'bad id with spaces' },
  })
  expect(bad.headers['x-request-id']).not.toBe('bad id with spaces')
})

test("upstream errors pass through unchanged (they are the upstream's answer)", async () => {
  const res = await call(world.base('weather', 'v2') + '/current?status=503')
  expect(res.status).toBe(503)
  expect(res.headers['content-type']).toBe('application/json')
})

test('410 names the successor version and its /gw URL', async () => {
  const res = await call(world.base('weather', 'v0') + '/current')
  const body = res.json()
  expect(body.successorVersion).toBe('v2')
  expect(body.successorUrl).toBe(world.base('weather', 'v2'))
  expect(body.detail).toContain(world.base('weather', 'v2'))
})

test('413: a declared Content-Length over the limit is refused before reading', async () => {
  const res = await call(world.base('weather', 'v2') + '/echo', { method: 'POST', body: 'x'.repeat(2048) })
  expect(res.status).toBe(413)
  expect(res.json().code).toBe('payload_too_large')
})

test('413: a chunked body is counted as it streams', async () => {
  async function* chunks() {
    for (let i = 0; i < 8; i++) yield Buffer.alloc(256, 97)
  }
  const res = await request(gw.url + world.base('weather', 'v2') + '/echo', {
    method: 'POST',
    headers: { authorization: `Bearer ${world.keys.valid.value}` },
    body: Readable.from(chunks()),
  })
  expect(res.statusCode).toBe(413)
  expect(((await res.body.json()) as { code: string }).code).toBe('payload_too_large')
})

test('a body under the limit is forwarded intact', async () => {
  const res = await call(world.base('weather', 'v2') + '/echo', {
    method: 'POST',
    body: '{"hello":"world"}',
    headers: { 'content-type': 'application/json' },
  })
  expect(res.status).toBe(200)
  expect(res.json()).toMatchObject({ method: 'POST', path: '/weather/echo', body: { hello: 'world' } })
})

test('429 after the plan limit, with Retry-After and RateLimit headers', async () => {
  const path = world.base('limited', 'v1') + '/echo'
  const answers = []
  for (let i = 0; i < 4; i++) answers.push(await call(path))
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429])
  expect(answers.map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0'])
  const limited = answers[3]
  expect(limited.json().code).toBe('rate_limited')
  expect(limited.headers['ratelimit-limit']).toBe('3')
  expect(limited.headers['ratelimit-policy']).toBe('3;w=60')
  const retryAfter = Number(limited.headers['retry-after'])
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
  expect(limited.headers['ratelimit-reset']).toBe(String(retryAfter))
})

test('every call, including gateway errors, becomes one Invocation row', async () => {
  const res = await call(world.base('weather', 'v2') + '/current?city=Metered', {
    headers: { 'x-request-id': 'metered-call-1' },
  })
  expect(res.status).toBe(200)
  const missing = await call(world.base('weather', 'v2') + '/current', {
    key: null,
    headers: { 'x-request-id': 'metered-call-2' },
  })
  expect(missing.status).toBe(401)
  const rows = await waitFor(async () => {
    const found = await testDb.db.invocation.findMany({
      where: { requestId: { in: ['metered-call-1', 'metered-call-2'] } },
      orderBy: { requestId: 'asc' },
    })
    return found.length === 2 ? found : undefined
  }, 3_000)
  expect(rows[0]).toMatchObject({
    status: 200,
    method: 'GET',
    path: world.base('weather', 'v2') + '/current',
    errorCode: null,
    ownerTeamId: world.acme.id,
    consumerTeamId: world.globex.id,
    apiId: world.weather.api.id,
    versionId: world.weather.versionIds.get('v2'),
    keyId: world.keys.valid.id,
    subscriptionId: world.weather.subscription.id,
  })
  expect(rows[0].responseBytes).toBeGreaterThan(0)
  expect(rows[0].upstreamMs).not.toBeNull()
  expect(rows[1]).toMatchObject({ status: 401, errorCode: 'missing_key', keyId: null, consumerTeamId: null })
  const key = await testDb.db.apiKey.findUniqueOrThrow({ where: { id: world.keys.valid.id } })
  expect(key.lastUsedAt).not.toBeNull()
})
