import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { callGateway } from './call-gateway'
import { verifyDelegation } from '@/lib/credentials/delegation'
import { MAX_RESPONSE_BYTES } from './schemas'

// A stand-in gateway: records what the console sent and answers per path.
let server: Server
let origin: string
let seen: { url: string; method: string; headers: IncomingHttpHeaders; body: string } | null = null

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      seen = { url: req.url ?? '', method: req.method ?? '', headers: req.headers, body }
      if (req.url?.includes('/pay')) {
        res.writeHead(402, { 'content-type': 'application/problem+json' })
        return res.end(JSON.stringify({ status: 402, code: 'insufficient_balance', balance: '0.42' }))
      }
      if (req.url?.includes('/huge')) {
        res.writeHead(200, { 'content-type': 'text/plain' })
        const chunk = 'x'.repeat(64 * 1024)
        // Twice the cap, written as a stream.
        for (let i = 0; i < 32; i++) res.write(chunk)
        return res.end()
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1' })
      res.end(JSON.stringify({ ok: true }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const call = (path: string, extra: Partial<Parameters<typeof callGateway>[0]['request']> = {}) =>
  callGateway({
    keyId: 'key_abc',
    gatewayPath: '/gw/acme/weather/v1',
    origin,
    request: { method: 'GET', path, query: {}, headers: {}, ...extra },
  })

test('sends a delegation the gateway can verify, never a key, and maps the answer', async () => {
  const result = await call('/current', { query: { city: 'Turin', units: 'metric' }, headers: { 'x-trace': 'yes' } })
  expect(seen?.url).toBe('/gw/acme/weather/v1/current?city=Turin&units=metric')
  expect(verifyDelegation(seen?.headers['x-tollgate-delegation'] as string, Date.now())).toBe('key_abc')
  expect(seen?.headers.authorization).toBeUndefined()
  expect(seen?.headers['x-trace']).toBe('yes')
  expect(result).toMatchObject({
    status: 200,
    statusText: 'OK',
    body: '{"ok":true}',
    truncated: false,
    url: '/gw/acme/weather/v1/current?city=Turin&units=metric',
  })
  expect(result.headers).toContainEqual(['x-request-id', 'req_1'])
  expect(result.elapsedMs).toBeGreaterThanOrEqual(0)
})

test('a JSON body is sent with a JSON content type', async () => {
  await call('/orders', { method: 'POST', body: '{"qty":2}' })
  expect(seen).toMatchObject({ method: 'POST', body: '{"qty":2}' })
  expect(seen?.headers['content-type']).toBe('application/json')
})

test('a problem+json answer (402) is passed through as-is', async () => {
  const result = await call('/pay')
  expect(result.status).toBe(402)
  expect(result.contentType).toBe('application/problem+json')
  expect(JSON.parse(result.body!)).toEqual({ status: 402, code: 'insufficient_balance', balance: '0.42' })
})

test('a body over 1 MB is cut at the cap and flagged', async () => {
  const result = await call('/huge')
  expect(result.truncated).toBe(true)
  expect(result.bytes).toBe(MAX_RESPONSE_BYTES)
  expect(result.body).toHaveLength(MAX_RESPONSE_BYTES)
})
