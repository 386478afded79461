import { createHash } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { seedBillingWorld, type BillingWorld } from '../charging/test-billing-world'
import { signDelegation } from '../credentials/delegation'
import { GATEWAY_CSP } from './security-headers'
import { PAYMENT_PAGE_CSP } from './payment-required-page'
import { closedPort, startTestGateway, type TestGateway } from './test-fixtures'
import { rawRequest } from './test-raw-http'
import { seedWorld, type World } from './test-world'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// Nothing of the console crosses the gateway (DESIGN, "Trust boundaries"): its session cookies and
// the caller's Tollgate key stay behind, an upstream cannot plant a console cookie, and every /gw
// answer is sandboxed, since /gw shares the console's origin.

let testDb: TestDatabase
let upstream: Server
let received: { headers: IncomingHttpHeaders; rawHeaders: string[] } | null = null
let gw: TestGateway
let world: World
let billing: BillingWorld

beforeAll(async () => {
  testDb = await setupTestDatabase()
  // Records what reached it; answers with headers that must not survive the gateway.
  upstream = createServer((req, res) => {
    received = { headers: req.headers, rawHeaders: req.rawHeaders }
    const planted = req.url?.includes('/plant')
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-security-policy': "default-src *; script-src 'unsafe-inline'",
      'x-frame-options': 'ALLOWALL',
      'x-content-type-options': 'none',
      ...(planted
        ? {
            'set-cookie': [
              'authjs.session-token=planted; Path=/; HttpOnly',
              '__Secure-authjs.session-token=planted; Path=/; Secure',
              '__Host-authjs.csrf-token=planted; Path=/; Secure',
              'AuthJS.callback-url=planted; Path=/',
              'next-auth.session-token=planted; Path=/',
              '=authjs.session-token=planted; Path=/',
              'authjs.session-token',
              'upstream_pref=kept; Path=/',
            ],
          }
        : {}),
    })
    res.end('<script>alert(document.cookie)</script>')
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()))
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  world = await seedWorld(testDb.db, upstreamUrl, `http://127.0.0.1:${await closedPort()}`)
  // Initech's billing account is empty: its calls to the paid weather API answer 402.
  billing = await seedBillingWorld(testDb.db, upstreamUrl)
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterEach(() => {
  received = null
  delete process.env.TRUST_PROXY
})

afterAll(async () => {
  await gw?.close()
  upstream?.closeAllConnections()
  await new Promise((resolve) => upstream?.close(resolve))
  await testDb?.cleanup()
})

const path = (suffix = '/current') => world.base('weather', 'v2') + suffix

async function call(urlPath: string, headers: Record<string, string>) {
  const res = await request(gw.url + urlPath, { headers })
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() }
}

describe('what the upstream receives', () => {
  test("console cookies and the caller's Tollgate key are removed; other cookies and credentials arrive intact", async () => {
    const res = await call(path(), {
      cookie:
        'authjs.session-token=SESSION; theme=dark; __Secure-authjs.callback-url=x; __Host-authjs.csrf-token=y; next-auth.session-token=old; cart=42',
      authorization: 'Basic dXBzdHJlYW06c2VjcmV0',
      'x-api-key': world.keys.valid.value,
    })
    expect(res.status).toBe(200)
    const h = received!.headers
    expect(h.cookie).toBe('theme=dark; cart=42')
    expect(h.authorization).toBe('Basic dXBzdHJlYW06c2VjcmV0')
    expect(h['x-api-key']).toBeUndefined()
    expect(JSON.stringify(received!.rawHeaders)).not.toContain(world.keys.valid.value)
    expect(JSON.stringify(received!.rawHeaders)).not.toContain('SESSION')
  })

  test("a Tollgate key in Authorization is removed; the upstream's own X-Api-Key passes", async () => {
    expect(
      (await call(path(), { authorization: `Bearer ${world.keys.valid.value}`, 'x-api-key': 'upstream-key-123' }))
        .status,
    ).toBe(200)
    expect(received!.headers.authorization).toBeUndefined()
    expect(received!.headers['x-api-key']).toBe('upstream-key-123')
  })

  test("the upstream's own bearer token passes next to a Tollgate key in X-Api-Key", async () => {
    expect(
      (await call(path(), { authorization: 'Bearer upstream-oauth-token', 'x-api-key': world.keys.valid.value }))
        .status,
    ).toBe(200)
    expect(received!.headers.authorization).toBe('Bearer upstream-oauth-token')
    expect(received!.headers['x-api-key']).toBeUndefined()
  })

  test('a Cookie header of console cookies only is not sent at all', async () => {
    expect(
      (
        await call(path(), {
          cookie: 'authjs.session-token=a; authjs.session-token.0=b',
          'x-api-key': world.keys.valid.value,
        })
      ).status,
    ).toBe(200)
    expect(received!.headers.cookie).toBeUndefined()
  })

  test("the try-it delegation is not forwarded; the caller's own Authorization is", async () => {
    const delegation = signDelegation(world.keys.valid.id)
    expect(
      (await call(path(), { 'x-tollgate-delegation': delegation, authorization: 'Bearer upstream-oauth-token' }))
        .status,
    ).toBe(200)
    expect(received!.headers['x-tollgate-delegation']).toBeUndefined()
    expect(received!.headers.authorization).toBe('Bearer upstream-oauth-token')
  })

  test('a client that is not a trusted proxy cannot write the X-Forwarded-* the upstream sees', async () => {
    const res = await rawRequest(gw.url, `GET ${path()} HTTP/1.1`, [
      'Host: consumer.example:8443',
      `X-Api-Key: ${world.keys.valid.value}`,
      'X-Forwarded-For: 203.0.113.7',
      'X-Forwarded-Host: evil.example',
      'X-Forwarded-Proto: https',
      'Forwarded: for=203.0.113.7;host=evil.example',
      'X-Real-IP: 203.0.113.7',
    ])
    expect(res.status).toBe(200)
    const h = received!.headers
    expect(h['x-forwarded-for']).toBe('127.0.0.1')
    expect(h['x-forwarded-host']).toBe('consumer.example:8443')
    expect(h['x-forwarded-proto']).toBe('http')
    expect(h.forwarded).toBeUndefined()
    expect(h['x-real-ip']).toBeUndefined()
  })

  test('behind a TRUST_PROXY proxy the earlier hops and the original host and scheme are kept', async () => {
    process.env.TRUST_PROXY = 'loopback'
    const res = await rawRequest(gw.url, `GET ${path()} HTTP/1.1`, [
      'Host: gateway.internal',
      `X-Api-Key: ${world.keys.valid.value}`,
      'X-Forwarded-For: 203.0.113.7',
      'X-Forwarded-Host: api.example.com',
      'X-Forwarded-Proto: https',
    ])
    expect(res.status).toBe(200)
    const h = received!.headers
    expect(h['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1')
    expect(h['x-forwarded-host']).toBe('api.example.com')
    expect(h['x-forwarded-proto']).toBe('https')
  })
})

describe('what the caller receives', () => {
  const expectSandboxed = (headers: Record<string, string | string[] | undefined>, csp = GATEWAY_CSP) => {
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['content-security-policy']).toBe(csp)
  }

  test('an upstream cannot plant or overwrite a console cookie; its own cookies pass', async () => {
    const res = await call(path('/plant'), { 'x-api-key': world.keys.valid.value })
    expect(res.status).toBe(200)
    expect([res.headers['set-cookie']].flat()).toEqual(['upstream_pref=kept; Path=/'])
  })

  test("a proxied answer is sandboxed whatever the upstream's own headers said", async () => {
    const res = await call(path(), { 'x-api-key': world.keys.valid.value })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<script>')
    expectSandboxed(res.headers)
  })

  test.each([
    {
      name: '404 route_not_found',
      path: () => path('/..%5c..%5corders'),
      headers: () => ({ 'x-api-key': world.keys.valid.value }),
      status: 404,
    },
    { name: '401 missing_key', path: () => path(), headers: () => ({}), status: 401 },
    {
      name: '402 insufficient_balance (JSON)',
      path: () => billing.path('/ok'),
      headers: () => ({ 'x-api-key': billing.key.value }),
      status: 402,
    },
    {
      name: '400 ambiguous_credentials',
      path: () => path(),
      headers: () => ({ authorization: `Bearer ${world.keys.valid.value}`, 'x-api-key': world.keys.expired.value }),
      status: 400,
    },
  ])("the gateway's own $name is sandboxed problem+json", async ({ path: urlPath, headers, status }) => {
    const res = await call(urlPath(), headers())
    expect(res.status).toBe(status)
    expect(res.headers['content-type']).toBe('application/problem+json')
    expectSandboxed(res.headers)
    expect(received).toBeNull()
  })

  test("the HTML 402 page is sandboxed too, its CSP relaxed only for the page's own style", async () => {
    const res = await call(billing.path('/ok'), {
      'x-api-key': billing.key.value,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
    })
    expect(res.status).toBe(402)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expectSandboxed(res.headers, PAYMENT_PAGE_CSP)
    expect(PAYMENT_PAGE_CSP).toMatch(
      /^sandbox; default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; frame-ancestors 'none'$/,
    )
    // The hash is of the style the page really carries, so a browser applies it (and nothing else).
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]
    expect(PAYMENT_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`)
    expect(res.body).not.toContain('<script')
  })
})
