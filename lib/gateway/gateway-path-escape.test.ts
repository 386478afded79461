import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isSafeSuffix } from './check-suffix'
import { closedPort, startTestGateway, type TestGateway } from './test-fixtures'
import {
  normalisedPaths,
  PRIVATE_DATA,
  startNormalisingUpstream,
  type NormalisingUpstream,
} from './test-normalising-upstream'
import { rawRequest } from './test-raw-http'
import { seedWorld, type World } from './test-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// A caller's suffix must never resolve above the version's base path on the upstream (DESIGN,
// "Trust boundaries"). weather v2's upstream is <upstream>/weather; anything the upstream resolves
// outside /weather stands for another API's data (acme/orders, /admin).

let testDb: TestDatabase
let upstream: NormalisingUpstream
let gw: TestGateway
let world: World

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startNormalisingUpstream('/weather')
  world = await seedWorld(testDb.db, upstream.url, `http://127.0.0.1:${await closedPort()}`)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await upstream?.close()
  await testDb?.cleanup()
})

/** GET over a raw socket with globex's key: the request line reaches the gateway byte for byte. */
async function callRaw(suffix: string) {
  const before = upstream.seen.length
  const res = await rawRequest(gw.url, `GET ${world.base('weather', 'v2')}${suffix} HTTP/1.1`, [
    `Authorization: Bearer ${world.keys.valid.value}`,
  ])
  return { res, seen: upstream.seen.slice(before) }
}

function expectRefused({ res, seen }: Awaited<ReturnType<typeof callRaw>>): void {
  expect(res.status).toBe(404)
  expect(res.header('content-type')).toBe('application/problem+json')
  expect(res.json()).toMatchObject({ status: 404, code: 'route_not_found' })
  expect(res.body).not.toContain(PRIVATE_DATA)
  expect(seen).toEqual([])
}

describe('the spellings that escaped the base path answer 404 problem+json and reach nothing', () => {
  test.each([
    ['encoded dots, backslash (the finding)', '/%2e%2e\\orders'],
    ['two levels up with backslashes', '/..\\..\\admin'],
    ['backslash', '/..\\orders'],
    ['half-encoded dots, backslash', '/.%2e\\orders'],
    ['upper-case encoded dots', '/%2E%2E/orders'],
    ['double-encoded dots', '/%252e%252e/orders'],
    ['triple-encoded dots', '/%25252e%25252e/orders'],
    ['a NUL inside the dots', '/.%00./orders'],
    ['a raw NUL escape', '/current%00'],
    ['plain dot segments', '/../orders'],
    ['a single dot segment', '/./current'],
    ['the ..; path-parameter trick', '/..;/orders'],
    ['..; with an encoded semicolon', '/..%3b/orders'],
    ['an encoded slash', '/x%2f..%2f..%2forders'],
    ['an encoded backslash', '/..%5corders'],
    ['an upper-case encoded backslash', '/..%5Corders'],
    ['a double-encoded backslash', '/..%255corders'],
    ['overlong UTF-8 dots', '/%c0%ae%c0%ae/orders'],
    ['invalid percent-encoding', '/%zz/orders'],
    ['an encoded tab that a parser strips', '/.%09./orders'],
    ['a trailing space IIS strips', '/..%20/orders'],
    ['a fragment in the target', '/current#/../../orders'],
  ])('%s: %s', async (_name, suffix) => {
    expectRefused(await callRaw(suffix))
  })
})

test('ordinary paths, dots in names and odd queries are forwarded byte for byte', async () => {
  for (const suffix of [
    '/current',
    '/v1.2/file.json',
    '/.well-known/thing',
    '/caf%C3%A9;v=1',
    '/a..b/',
    '?q=../../orders\\x',
    '/x?p=%2e%2e%2f',
  ]) {
    const { res, seen } = await callRaw(suffix)
    expect(res.status, suffix).toBe(200)
    expect(
      seen.map((s) => s.raw),
      suffix,
    ).toEqual([`/weather${suffix}`])
    expect(res.json().data, suffix).toBe('weather')
  }
})

// Non-ASCII letters go out percent-encoded as UTF-8, as every HTTP client sends them (Node's
// parser refuses raw ones before the gateway runs).
const HOSTILE = [
  '.',
  '..',
  '%2e',
  '%2E',
  '%252e',
  '%25252e',
  '\\',
  '%5c',
  '%5C',
  '%2f',
  '%00',
  ';',
  '/',
  '%25',
  '?',
  '#',
  'a',
  'orders',
  'é',
  '日',
  '%c0%ae',
  '%3b',
  '%09',
  '%20',
]
const wire = (text: string) => text.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c))

test('property: any hostile suffix is refused, or it lands inside the base path on a normalising upstream', async () => {
  let forwarded = 0
  await fc.assert(
    fc.asyncProperty(fc.array(fc.constantFrom(...HOSTILE), { maxLength: 10 }), async (parts) => {
      const suffix = wire('/' + parts.join(''))
      const { res, seen } = await callRaw(suffix)
      if (res.status === 404) return expectRefused({ res, seen })
      expect(res.status).toBe(200)
      expect(seen).toHaveLength(1)
      expect(seen[0].raw).toBe(`/weather${suffix}`)
      expect(
        seen[0].paths.every((p) => p === '/weather' || p.startsWith('/weather/')),
        JSON.stringify(seen[0]),
      ).toBe(true)
      expect(res.json().data).toBe('weather')
      forwarded++
    }),
    { numRuns: 400 },
  )
  // Both outcomes happened: the property did not pass by refusing everything.
  expect(forwarded).toBeGreaterThan(20)
})

test('property: suffixes without any dot segment or hidden separator are never refused', async () => {
  const segment = fc.array(
    fc.constantFrom(
      'a',
      'Z',
      '0',
      '-',
      '_',
      '~',
      '.json',
      'v1.2',
      '%20',
      '%C3%A9',
      ';k=v',
      '!',
      '$',
      "'",
      '(',
      ')',
      '*',
      '+',
      ',',
      '=',
      ':',
      '@',
    ),
    { minLength: 1, maxLength: 4 },
  )
  const query = fc.constantFrom('', '?q=1', '?next=../../orders', '?p=%2e%2e%5c', '?x=\\')
  await fc.assert(
    fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), query, async (segments, q) => {
      const suffix = '/' + segments.map((s) => s.join('')).join('/') + q
      fc.pre(segments.every((s) => !/^\.+$/.test(s.join('').split(';')[0])))
      const { res, seen } = await callRaw(suffix)
      expect(res.status, suffix).toBe(200)
      expect(seen.map((s) => s.raw)).toEqual([`/weather${suffix}`])
    }),
    { numRuns: 150 },
  )
})

test('the check agrees with the normalising upstream on every suffix it lets through', () => {
  // The same oracle without sockets, over many more cases: an accepted suffix never resolves outside.
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...HOSTILE), { maxLength: 14 }), (parts) => {
      const suffix = wire('/' + parts.join(''))
      if (!isSafeSuffix(suffix)) return
      expect(
        normalisedPaths(`/weather${suffix}`).every((p) => p === '/weather' || p.startsWith('/weather/')),
        suffix,
      ).toBe(true)
    }),
    { numRuns: 20_000 },
  )
})
