import { expect, test } from '@playwright/test'
import { rawExchange, rawRequest, type RawResponse } from '../lib/gateway/test-raw-http'
import { SERVER_ACTION_BODY_LIMIT_BYTES } from '../lib/http/body-limits'

// The real e2e server (Next and the gateway on one port) over raw sockets: requests no browser
// would send, which Next used to answer with a 500, get a 4xx problem+json from the front door,
// and the console keeps serving normally afterwards.

const BASE = process.env.E2E_BASE_URL!
const HOST = new URL(BASE).host

function expectProblem(res: RawResponse, status: number, code: string): void {
  expect(res.status, res.raw.slice(0, 300)).toBe(status)
  expect(res.header('content-type')).toBe('application/problem+json')
  expect(JSON.parse(res.body)).toMatchObject({ status, code })
}

const refusals: Array<{ name: string; line: string; headers: string[]; status: number; code: string }> = [
  { name: 'OPTIONS *', line: 'OPTIONS * HTTP/1.1', headers: [], status: 400, code: 'invalid_request_target' },
  {
    name: 'an absolute-form target',
    line: 'GET http://evil.example/login HTTP/1.1',
    headers: [],
    status: 400,
    code: 'invalid_request_target',
  },
  { name: 'Host "a b"', line: 'GET /login HTTP/1.1', headers: ['Host: a b'], status: 400, code: 'invalid_host' },
  { name: 'Host "[::1"', line: 'GET /login HTTP/1.1', headers: ['Host: [::1'], status: 400, code: 'invalid_host' },
  {
    name: 'Host "x:99999"',
    line: 'GET /login HTTP/1.1',
    headers: ['Host: x:99999'],
    status: 400,
    code: 'invalid_host',
  },
  {
    name: 'Host "127.0.0.1:3300@evil.example"',
    line: 'GET /login HTTP/1.1',
    headers: ['Host: 127.0.0.1:3300@evil.example'],
    status: 400,
    code: 'invalid_host',
  },
  { name: 'an empty Host', line: 'GET /login HTTP/1.1', headers: ['Host: '], status: 400, code: 'invalid_host' },
  {
    name: 'a control character in Host',
    line: 'GET /login HTTP/1.1',
    headers: ['Host: a\x01b'],
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'a server action from a foreign origin',
    line: 'POST /login HTTP/1.1',
    headers: [
      `Host: ${HOST}`,
      'Origin: https://evil.example',
      'Next-Action: 7f0000000000000000000000000000000000000000',
      'Content-Length: 2',
    ],
    status: 403,
    code: 'cross_origin_action',
  },
  {
    // Next's own check would believe this X-Forwarded-Host and run the action.
    name: 'a foreign-origin action that names its origin in X-Forwarded-Host',
    line: 'POST /login HTTP/1.1',
    headers: [
      `Host: ${HOST}`,
      'Origin: https://evil.example',
      'X-Forwarded-Host: evil.example',
      'Next-Action: 7f0000000000000000000000000000000000000000',
      'Content-Length: 2',
    ],
    status: 403,
    code: 'cross_origin_action',
  },
  {
    name: 'a server action over the body limit',
    line: 'POST /login HTTP/1.1',
    headers: [
      `Host: ${HOST}`,
      `Origin: ${BASE}`,
      'Next-Action: 7f0000000000000000000000000000000000000000',
      `Content-Length: ${SERVER_ACTION_BODY_LIMIT_BYTES + 1}`,
    ],
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a chunked server action',
    line: 'POST /login HTTP/1.1',
    headers: [
      `Host: ${HOST}`,
      `Origin: ${BASE}`,
      'Next-Action: 7f0000000000000000000000000000000000000000',
      'Transfer-Encoding: chunked',
    ],
    status: 411,
    code: 'length_required',
  },
]

for (const { name, line, headers, status, code } of refusals) {
  test(`[FRONT DOOR] ${name} answers ${status} problem+json`, async () => {
    const res = await rawExchange(
      BASE,
      Buffer.from(
        [
          line,
          ...(headers.some((h) => h.startsWith('Host:')) ? [] : [`Host: ${HOST}`]),
          ...headers,
          'Connection: close',
          '',
          '',
        ].join('\r\n'),
        'latin1',
      ),
    )
    expectProblem(res, status, code)
  })
}

test('[FRONT DOOR] /gw answers on the console origin are sandboxed, and the console still serves /login', async ({
  page,
}) => {
  const gw = await rawRequest(BASE, 'GET /gw/acme/weather/v1/..%5c..%5corders HTTP/1.1')
  expectProblem(gw, 404, 'route_not_found')
  expect(gw.header('content-security-policy')).toBe("sandbox; default-src 'none'; frame-ancestors 'none'")
  expect(gw.header('x-frame-options')).toBe('DENY')
  expect(gw.header('x-content-type-options')).toBe('nosniff')

  const login = await rawRequest(BASE, 'GET /login HTTP/1.1', ['X-Forwarded-Host: evil.example'])
  expect(login.status).toBe(200)
  expect(login.header('content-type')).toContain('text/html')
  await page.goto('/login')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})
