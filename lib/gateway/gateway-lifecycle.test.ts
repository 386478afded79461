import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { publishConfigChange } from '../config-events/publish-config-change'
import { closedPort, startTestGateway, waitFor, type TestGateway } from './test-fixtures'
import { DEPRECATED_AT, seedWorld, SUNSET_AT, type World } from './test-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// Decommissioning on the wire: the headers of a DEPRECATED version, checked against the RFCs'
// grammars, and a retirement taking effect within a second.

let testDb: TestDatabase
let upstream: DemoUpstream
let gw: TestGateway
let world: World

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  world = await seedWorld(testDb.db, upstream.url, `http://127.0.0.1:${await closedPort()}`)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await upstream?.close()
  await testDb?.cleanup()
})

const get = async (path: string) => {
  const res = await request(gw.url + path, { headers: { authorization: `Bearer ${world.keys.valid.value}` } })
  await res.body.dump()
  return res
}

// RFC 9110 §5.6.7 IMF-fixdate: day-name "," SP date1 SP time-of-day SP "GMT"
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

test('DEPRECATED proxies and carries Deprecation, Sunset and a successor Link', async () => {
  const res = await get(world.base('weather', 'v1') + '/current?city=Lima')
  expect(res.statusCode).toBe(200)

  // RFC 9745 §2.1: Deprecation is an sf-date, "@" followed by an integer of seconds.
  const deprecation = String(res.headers['deprecation'])
  expect(deprecation).toMatch(/^@-?\d+$/)
  expect(Number(deprecation.slice(1))).toBe(DEPRECATED_AT.getTime() / 1000)

  // RFC 8594 §3: Sunset is an HTTP-date.
  const sunset = String(res.headers['sunset'])
  expect(sunset).toMatch(IMF_FIXDATE)
  expect(new Date(sunset).getTime()).toBe(SUNSET_AT.getTime())

  // RFC 8288 Link with rel="successor-version" (RFC 5829).
  expect(res.headers['link']).toBe(`<${world.base('weather', 'v2')}>; rel="successor-version"`)
})

test('PUBLISHED versions carry no decommissioning headers', async () => {
  const res = await get(world.base('weather', 'v2') + '/current')
  expect(res.statusCode).toBe(200)
  expect(res.headers['deprecation']).toBeUndefined()
  expect(res.headers['sunset']).toBeUndefined()
  expect(res.headers['link']).toBeUndefined()
})

test('a RETIRED version answers 410 with a successor Link, and is metered unbilled', async () => {
  const res = await request(gw.url + world.base('weather', 'v0') + '/current', {
    headers: { authorization: `Bearer ${world.keys.valid.value}`, 'x-request-id': 'retired-call-1' },
  })
  expect(res.statusCode).toBe(410)
  expect(res.headers['link']).toBe(`<${world.base('weather', 'v2')}>; rel="successor-version"`)
  await res.body.dump()
  const row = await waitFor(
    () => testDb.db.invocation.findUnique({ where: { requestId: 'retired-call-1' } }).then((r) => r ?? undefined),
    3_000,
  )
  expect(row).toMatchObject({ status: 410, errorCode: 'version_retired', costMicros: 0n })
})

test('retiring a version takes effect within 1 s of the config bump (in process)', async () => {
  const path = world.base('weather', 'v1') + '/current'
  expect((await get(path)).statusCode).toBe(200)
  await testDb.db.apiVersion.update({
    where: { id: world.weather.versionIds.get('v1') },
    data: { state: 'RETIRED', retiredAt: new Date() },
  })
  const bumpedAt = Date.now()
  await publishConfigChange(testDb.db)
  await waitFor(async () => (await get(path)).statusCode === 410, 1_000)
  expect(Date.now() - bumpedAt).toBeLessThan(1_000)
})
