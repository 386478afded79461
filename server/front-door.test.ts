import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { rawExchange, rawRequest, type RawResponse } from '../lib/gateway/test-raw-http'
import { contractUploadBodyLimit, SERVER_ACTION_BODY_LIMIT_BYTES } from '../lib/http/body-limits'
import { frontDoor, guardServer, isValidHost, type FrontDoorOptions } from './front-door'
import { runGatewayServer, type RunningGateway } from './run-gateway-server'
import { setupTestDatabase, type TestDatabase } from '../lib/testing/test-database'

// The front door over raw sockets (nothing between the test and the server fixes a request up):
// a plain node:http server with the console's rules answers "passed" when a request gets through,
// and records the headers the handler behind the door would have seen.

let consoleUrl: string
let server: Server
let behind: Array<{ url: string; headers: IncomingHttpHeaders }> = []
let testDb: TestDatabase
let gatewayOnly: RunningGateway
let gatewayUrl: string

async function listen(options: FrontDoorOptions): Promise<Server> {
  const s = createServer((req, res) => {
    if (frontDoor(req, res, options)) return
    behind.push({ url: req.url!, headers: { ...req.headers } })
    req.resume()
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('passed'))
  })
  guardServer(s)
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()))
  return s
}

beforeAll(async () => {
  server = await listen({ console: true })
  consoleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  testDb = await setupTestDatabase()
  gatewayOnly = await runGatewayServer({ db: testDb.db, databaseUrl: testDb.url, port: 0, hostname: '127.0.0.1' })
  gatewayUrl = `http://127.0.0.1:${gatewayOnly.port}`
})

afterEach(() => {
  behind = []
  delete process.env.TRUST_PROXY
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await gatewayOnly?.stop()
  await testDb?.cleanup()
})

function expectProblem(res: RawResponse, status: number, code: string): void {
  expect(res.status, res.raw).toBe(status)
  expect(res.header('content-type')).toBe('application/problem+json')
  expect(res.header('x-content-type-options')).toBe('nosniff')
  expect(res.json()).toMatchObject({
    status,
    code,
    type: `/docs/errors/${code.replaceAll('_', '-')}`,
    requestId: res.header('x-request-id'),
  })
}

const sameOrigin = () => `Origin: ${consoleUrl}`

describe.each([
  ['console', () => consoleUrl],
  ['gateway-only server', () => gatewayUrl],
])('%s: requests that are not HTTP for this server answer 400 problem+json', (_name, origin) => {
  test.each([
    ['OPTIONS *', 'OPTIONS * HTTP/1.1', [], 'invalid_request_target'],
    ['absolute-form target', 'GET http://evil.example/gw/x HTTP/1.1', [], 'invalid_request_target'],
    [
      'CONNECT (authority-form)',
      'CONNECT evil.example:443 HTTP/1.1',
      ['Host: evil.example:443'],
      'invalid_request_target',
    ],
    ['Host with a space', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: a b'], 'invalid_host'],
    ['unclosed IPv6 literal', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: [::1'], 'invalid_host'],
    ['port above 65535', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: x:99999'], 'invalid_host'],
    ['userinfo-looking port', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: 127.0.0.1:3300@evil.example'], 'invalid_host'],
    ['empty Host', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: '], 'invalid_host'],
    ['a tab in Host', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: a\tb'], 'invalid_host'],
    ['two Host headers', 'GET /gw/x/y/v1 HTTP/1.1', ['Host: a.example', 'Host: b.example'], 'invalid_host'],
    [
      'a control character in Host (refused by the parser)',
      'GET /gw/x/y/v1 HTTP/1.1',
      ['Host: a\x01b'],
      'malformed_request',
    ],
    ['a raw non-ASCII byte in the path (refused by the parser)', 'GET /gw/\xc0\xae HTTP/1.1', [], 'malformed_request'],
  ])('%s', async (_case, requestLine, headers, code) => {
    const res = await rawExchange(
      origin(),
      Buffer.from(
        [
          requestLine,
          ...(headers.length ? headers : [`Host: ${new URL(origin()).host}`]),
          'Connection: close',
          '',
          '',
        ].join('\r\n'),
        'latin1',
      ),
    )
    expectProblem(res, 400, code)
    expect(behind).toEqual([])
  })

  test('headers larger than the parser accepts: 431 problem+json', async () => {
    const res = await rawRequest(origin(), 'GET /gw/x/y/v1 HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`])
    expectProblem(res, 431, 'headers_too_large')
  })
})

test.each(['localhost:3000', '127.0.0.1', '[::1]:8080', '[v1.fe80::a]', 'console.example.com', 'x:', 'a-b.c_d~e'])(
  'a valid Host passes: %s',
  async (host) => {
    expect(isValidHost(host)).toBe(true)
    const res = await rawRequest(consoleUrl, 'GET /login HTTP/1.1', [`Host: ${host}`])
    expect(res.body).toBe('passed')
  },
)

test.each(['/t/%00/apis', '/catalog?q=a%00b', '/t/acme/calls/%00?x=1'])(
  'a console address with an encoded NUL answers 400 problem+json: %s',
  async (target) => {
    expectProblem(await rawRequest(consoleUrl, `GET ${target} HTTP/1.1`), 400, 'invalid_request_target')
    expect(behind).toEqual([])
  },
)

test('the console needs a Host; a gateway-only server answers an HTTP/1.0 health check without one', async () => {
  expectProblem(await rawExchange(consoleUrl, 'GET /login HTTP/1.0\r\n\r\n'), 400, 'invalid_host')
  const health = await rawExchange(gatewayUrl, 'GET /healthz HTTP/1.0\r\n\r\n')
  expect(health.status).toBe(200)
  expect(health.json()).toMatchObject({ ok: true })
})

test('a gateway-only server answers other paths 404 problem+json, sandboxed', async () => {
  const res = await rawRequest(gatewayUrl, 'GET /login HTTP/1.1')
  expectProblem(res, 404, 'route_not_found')
  expect(res.header('content-security-policy')).toBe("sandbox; default-src 'none'; frame-ancestors 'none'")
})

describe('server actions', () => {
  const action = (extra: string[], path = '/t/acme/keys') =>
    rawRequest(consoleUrl, `POST ${path} HTTP/1.1`, [
      'Next-Action: 7f00aa',
      'Content-Type: text/plain;charset=UTF-8',
      ...extra,
    ])

  test.each([
    ['a foreign Origin', ['Origin: https://evil.example', 'Content-Length: 2']],
    [
      'a foreign Origin that names this host in X-Forwarded-Host',
      ['Origin: https://evil.example', 'X-Forwarded-Host: evil.example', 'Content-Length: 2'],
    ],
    ['Origin: null (a sandboxed frame)', ['Origin: null', 'Content-Length: 2']],
    ['a malformed Origin', ['Origin: http://[', 'Content-Length: 2']],
    ['the right host on another port', [`Origin: http://127.0.0.1:1`, 'Content-Length: 2']],
  ])('%s: 403 before Next sees it', async (_case, headers) => {
    expectProblem(await action(headers), 403, 'cross_origin_action')
    expect(behind).toEqual([])
  })

  test('a cross-site form post (no Next-Action header, as an HTML form sends) is refused too', async () => {
    const res = await rawRequest(consoleUrl, 'POST /t/acme/keys HTTP/1.1', [
      'Origin: https://evil.example',
      'Content-Type: multipart/form-data; boundary=x',
      'Content-Length: 0',
    ])
    expectProblem(res, 403, 'cross_origin_action')
  })

  test('Auth.js routes keep their own CSRF check (an identity provider may form_post back)', async () => {
    const res = await rawRequest(consoleUrl, 'POST /api/auth/callback/oidc HTTP/1.1', [
      'Origin: https://idp.example',
      'Content-Type: application/x-www-form-urlencoded',
      'Content-Length: 0',
    ])
    expect(res.body).toBe('passed')
  })

  test('a same-origin action, or one without Origin (no browser), passes', async () => {
    expect(
      (
        await rawExchange(
          consoleUrl,
          `POST /t/acme/keys HTTP/1.1\r\nHost: ${new URL(consoleUrl).host}\r\n${sameOrigin()}\r\nNext-Action: 7f00aa\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]`,
        )
      ).body,
    ).toBe('passed')
    expect((await action(['Content-Length: 0'])).body).toBe('passed')
  })

  test('behind a TRUST_PROXY proxy, X-Forwarded-Host is the host the Origin must name', async () => {
    process.env.TRUST_PROXY = 'loopback'
    expect(
      (await action(['Origin: https://console.example', 'X-Forwarded-Host: console.example', 'Content-Length: 0']))
        .body,
    ).toBe('passed')
    expect(behind[0].headers['x-forwarded-host']).toBe('console.example')
    expectProblem(
      await action(['Origin: https://evil.example', 'X-Forwarded-Host: console.example', 'Content-Length: 0']),
      403,
      'cross_origin_action',
    )
  })

  test('a declared body over the limit: 413 without reading it', async () => {
    const res = await action([sameOrigin(), `Content-Length: ${SERVER_ACTION_BODY_LIMIT_BYTES + 1}`])
    expectProblem(res, 413, 'payload_too_large')
    expect(behind).toEqual([])
  })

  test('a body at the limit is let through', async () => {
    const body = 'x'.repeat(SERVER_ACTION_BODY_LIMIT_BYTES)
    const head = `POST /t/acme/keys HTTP/1.1\r\nHost: ${new URL(consoleUrl).host}\r\n${sameOrigin()}\r\nNext-Action: 7f00aa\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`
    expect((await rawExchange(consoleUrl, head + body)).body).toBe('passed')
  })

  test("a contract upload may carry the contract limit's worth, no more", async () => {
    const host = new URL(consoleUrl).host
    const upload = (length: number) =>
      `POST /t/acme/apis/pets/contract-upload HTTP/1.1\r\nHost: ${host}\r\n${sameOrigin()}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`
    // Past the server-action limit, within the upload's.
    const body = 'x'.repeat(SERVER_ACTION_BODY_LIMIT_BYTES + 1024 * 1024)
    expect((await rawExchange(consoleUrl, upload(body.length) + body)).body).toBe('passed')
    const res = await rawExchange(consoleUrl, upload(contractUploadBodyLimit() + 1))
    expectProblem(res, 413, 'payload_too_large')
    // The same size to any other form is refused.
    expectProblem(await action([sameOrigin(), `Content-Length: ${body.length}`]), 413, 'payload_too_large')
  })

  test('a chunked body (no Content-Length): 411', async () => {
    const res = await action([sameOrigin(), 'Transfer-Encoding: chunked'])
    expectProblem(res, 411, 'length_required')
    expect(behind).toEqual([])
  })
})

describe('forwarding headers reach Next only from a trusted proxy', () => {
  const forwarding = [
    'X-Forwarded-For: 203.0.113.9',
    'X-Forwarded-Host: evil.example',
    'X-Forwarded-Proto: https',
    'X-Forwarded-Port: 443',
    'Forwarded: host=evil.example',
  ]

  test('from any other peer they are deleted', async () => {
    expect((await rawRequest(consoleUrl, 'GET /login HTTP/1.1', forwarding)).body).toBe('passed')
    for (const name of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded']) {
      expect(behind[0].headers[name], name).toBeUndefined()
    }
  })

  test('from a TRUST_PROXY peer they are kept', async () => {
    process.env.TRUST_PROXY = '127.0.0.1'
    expect((await rawRequest(consoleUrl, 'GET /login HTTP/1.1', forwarding)).body).toBe('passed')
    expect(behind[0].headers).toMatchObject({
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    })
  })
})
