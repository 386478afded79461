import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { Readable } from 'node:stream'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { createApi, createKey, startTestGateway, type TestGateway } from './test-fixtures'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// What passes through the proxy and what must not: streaming both ways, hop-by-hop headers,
// the consumer's Tollgate key, and the X-Forwarded-* the upstream receives.

let testDb: TestDatabase
let demo: DemoUpstream
let hops: Server
let lastUpstreamHeaders: IncomingHttpHeaders = {}
let gw: TestGateway
let key: string
let base: { demo: string; hops: string }

beforeAll(async () => {
  testDb = await setupTestDatabase()
  demo = await startDemoUpstream(0)
  // An upstream that records what it received and answers with hop-by-hop headers of its own.
  hops = createServer((req, res) => {
    lastUpstreamHeaders = req.headers
    req.resume()
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        connection: 'X-Upstream-Hop',
        'x-upstream-hop': 'secret',
        'keep-alive': 'timeout=5',
        'proxy-authenticate': 'Basic',
        'x-upstream-end-to-end': 'kept',
        'set-cookie': ['a=1', 'b=2'],
      })
      res.end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => hops.listen(0, '127.0.0.1', () => resolve()))
  const hopsUrl = `http://127.0.0.1:${(hops.address() as AddressInfo).port}/base`
  const acme = await createTestTeam({ label: 'acme' }, testDb.db)
  const globex = await createTestTeam({ label: 'globex' }, testDb.db)
  for (const [slug, url] of [
    ['demo', demo.url],
    ['hops', hopsUrl],
  ]) {
    await createApi(testDb.db, {
      ownerTeamId: acme.id,
      consumerTeamId: globex.id,
      slug,
      versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: url }],
    })
  }
  key = (await createKey(testDb.db, globex.id)).value
  base = { demo: `/gw/${acme.slug}/demo/v1`, hops: `/gw/${acme.slug}/hops/v1` }
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  await demo?.close()
  hops?.closeAllConnections()
  await new Promise((resolve) => hops?.close(resolve))
  await testDb?.cleanup()
})

/** A raw HTTP/1.1 exchange, so the test controls every header byte (undici refuses hop-by-hop ones). */
function rawRequest(path: string, headerLines: string[]): Promise<string> {
  const { port } = new URL(gw.url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1')
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString('latin1')))
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
    socket.write(
      [
        `GET ${path} HTTP/1.1`,
        `Host: consumer.example:8443`,
        'Connection: close, X-Client-Hop',
        ...headerLines,
        '',
        '',
      ].join('\r\n'),
    )
  })
}

test('hop-by-hop and credential headers are stripped upstream; X-Forwarded-* and X-Request-Id added', async () => {
  const answer = await rawRequest(`${base.hops}/things?a=1&b=two`, [
    `Authorization: Bearer ${key}`,
    `X-Api-Key: ${key}`,
    'X-Client-Hop: must-not-pass',
    'Keep-Alive: timeout=5',
    'Proxy-Authorization: Basic Zm9vOmJhcg==',
    'TE: trailers',
    'Upgrade: websocket',
    'X-Forwarded-For: 203.0.113.7',
    'X-Request-Id: raw-req-42',
    'X-End-To-End: passes',
  ])
  expect(answer.startsWith('HTTP/1.1 200')).toBe(true)
  const h = lastUpstreamHeaders
  for (const name of [
    'authorization',
    'x-api-key',
    'x-client-hop',
    'keep-alive',
    'proxy-authorization',
    'te',
    'upgrade',
  ]) {
    expect(h[name], name).toBeUndefined()
  }
  expect(h['connection']).not.toContain('X-Client-Hop')
  expect(h['x-end-to-end']).toBe('passes')
  // The test's socket is no TRUST_PROXY proxy: its X-Forwarded-For is not believed.
  expect(h['x-forwarded-for']).toBe('127.0.0.1')
  expect(h['x-forwarded-proto']).toBe('http')
  expect(h['x-forwarded-host']).toBe('consumer.example:8443')
  expect(h['x-request-id']).toBe('raw-req-42')
  expect(h['host']).toMatch(/^127\.0\.0\.1:\d+$/)

  // The upstream's own hop-by-hop headers stop at the gateway too; end-to-end ones pass.
  const responseHead = answer.split('\r\n\r\n')[0].toLowerCase()
  expect(responseHead).not.toContain('x-upstream-hop')
  expect(responseHead).not.toContain('proxy-authenticate')
  expect(responseHead).not.toContain('keep-alive: timeout=5')
  expect(responseHead).toContain('x-upstream-end-to-end: kept')
  expect(responseHead).toContain('set-cookie: a=1')
  expect(responseHead).toContain('set-cookie: b=2')
  expect(responseHead).toContain('x-request-id: raw-req-42')
})

test('method, path, query and body reach the upstream unchanged', async () => {
  const res = await request(`${gw.url}${base.demo}/anything/deep?x=1&y=%C3%A9`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain', 'x-custom': 'yes' },
    body: 'plain body',
  })
  const echo = (await res.body.json()) as {
    method: string
    path: string
    query: Record<string, string>
    headers: Record<string, string>
    body: string
  }
  expect(res.statusCode).toBe(200)
  expect(echo).toMatchObject({ method: 'PUT', path: '/anything/deep', query: { x: '1', y: 'é' }, body: 'plain body' })
  expect(echo.headers['x-custom']).toBe('yes')
  expect(echo.headers['content-type']).toBe('text/plain')
})

test('a chunked request body streams through', async () => {
  async function* parts() {
    yield Buffer.from('{"parts":')
    await new Promise((resolve) => setTimeout(resolve, 20))
    yield Buffer.from('[1,2,3]}')
  }
  const res = await request(`${gw.url}${base.demo}/echo`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: Readable.from(parts()),
  })
  expect(((await res.body.json()) as { body: unknown }).body).toEqual({ parts: [1, 2, 3] })
})

test('SSE streams chunk by chunk: the first event arrives long before the upstream finishes', async () => {
  const started = Date.now()
  const res = await request(`${gw.url}${base.demo}/stream?n=4&interval=300`, {
    headers: { authorization: `Bearer ${key}` },
  })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('text/event-stream')
  const arrivals: Array<{ at: number; text: string }> = []
  for await (const chunk of res.body) arrivals.push({ at: Date.now() - started, text: chunk.toString() })
  const all = arrivals.map((a) => a.text).join('')
  expect(all.match(/^event: tick$/gm)?.length).toBe(4)
  expect(all).toContain('data: [DONE]')
  // The upstream takes ≥ 900 ms; a buffering proxy would deliver everything at the end.
  expect(arrivals[0].at).toBeLessThan(400)
  expect(arrivals.at(-1)!.at).toBeGreaterThanOrEqual(850)
  expect(arrivals.length).toBeGreaterThanOrEqual(4)
})
