import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getCallCapture } from '../calls/capture/get-call-capture'
import { pruneCaptures } from '../calls/capture/prune-captures'
import { createTestTeam, type TestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'
import { CAPTURE_BODY_LIMIT } from './capture-tap'
import { createApi, createKey, startTestGateway, waitFor, type TestGateway } from './test-fixtures'

// Capture per API version, through the real gateway against a real upstream: what is kept
// (headers redacted, bodies capped at 16 KB), what is not (capture off, the default), who may
// read it (the call's two teams, nobody else) and when it goes (its own retention).

let testDb: TestDatabase
let upstream: Server
let gw: TestGateway
let key: string
let acme: TestTeam
let globex: TestTeam
let initech: TestTeam
const DAY = 86_400_000
const BIG = 40_000

beforeAll(async () => {
  testDb = await setupTestDatabase()
  // Echoes the request body; /big answers 40 KB; every answer sets a cookie and a token header.
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const received = Buffer.concat(chunks)
      const body = req.url?.endsWith('/big')
        ? JSON.stringify({ pad: 'x'.repeat(BIG - 10) })
        : JSON.stringify({ path: req.url, received: received.length, echo: received.toString('utf8').slice(0, 64) })
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'session=s3cr3t-session; HttpOnly',
        'x-upstream-token': 'upstream-token-value',
        'x-plain': 'visible',
      })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()))
  const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  acme = await createTestTeam({ label: 'acme' }, testDb.db)
  globex = await createTestTeam({ label: 'globex' }, testDb.db)
  initech = await createTestTeam({ label: 'initech' }, testDb.db)
  const captured = await createApi(testDb.db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'captured',
    versions: [
      { version: 'v1', state: 'PUBLISHED', upstreamUrl: url },
      { version: 'v2', state: 'PUBLISHED', upstreamUrl: url },
      { version: 'v3', state: 'PUBLISHED', upstreamUrl: url },
    ],
  })
  const ids = captured.versionIds
  await testDb.db.apiVersion.update({
    where: { id: ids.get('v1')! },
    data: { captureMode: 'HEADERS_AND_BODIES', captureRetentionDays: 1 },
  })
  await testDb.db.apiVersion.update({ where: { id: ids.get('v2')! }, data: { captureMode: 'HEADERS' } })
  // v3 keeps the default: OFF.
  key = (await createKey(testDb.db, globex.id)).value
  gw = await startTestGateway({ db: testDb.db, databaseUrl: testDb.url })
})

afterAll(async () => {
  await gw?.close()
  upstream?.closeAllConnections()
  await new Promise((resolve) => upstream?.close(resolve))
  await testDb?.cleanup()
})

async function call(version: string, path: string, body?: string) {
  const res = await request(`${gw.url}/gw/${acme.slug}/captured/${version}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      cookie: 'console=should-not-be-kept',
      'x-client-secret': 'client-secret-value',
      'x-trace': 'kept-as-is',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body,
  })
  const text = await res.body.text()
  return { status: res.statusCode, requestId: String(res.headers['x-request-id']), text }
}

/** The call log row and the capture as the given team's detail page reads them. */
async function captureSeenBy(team: TestTeam, requestId: string) {
  await gw.gateway.writer.flush()
  await gw.gateway.captures.flush()
  const invocation = await waitFor(
    () => testDb.db.invocation.findUnique({ where: { requestId } }).then((r) => r ?? undefined),
    5_000,
  )
  return getCallCapture({ teamId: team.id }, invocation)
}

test('[CAPTURE] headers and bodies: secrets redacted, the JSON kept, the call itself unchanged', async () => {
  const sent = JSON.stringify({ city: 'Oslo', units: 'metric' })
  const res = await call('v1', '/echo?city=Oslo&api_key=abc123', sent)
  expect(res.status).toBe(200)
  expect(JSON.parse(res.text)).toMatchObject({ path: '/echo?city=Oslo&api_key=abc123', received: sent.length })

  const capture = await captureSeenBy(acme, res.requestId)
  expect(capture).not.toBeNull()
  const request = new Map(capture!.requestHeaders)
  expect(request.get('authorization')).toBe('[redacted]')
  expect(request.get('cookie')).toBe('[redacted]')
  expect(request.get('x-client-secret')).toBe('[redacted]')
  expect(request.get('x-trace')).toBe('kept-as-is')
  const response = new Map(capture!.responseHeaders)
  expect(response.get('set-cookie')).toBe('[redacted]')
  expect(response.get('x-upstream-token')).toBe('[redacted]')
  expect(response.get('x-plain')).toBe('visible')
  expect(capture!.query).toBe('city=Oslo&api_key=%5Bredacted%5D')
  // The echoed body holds the path as the upstream saw it; everything else is free of secrets.
  const { query, requestHeaders, responseHeaders } = capture!
  expect(JSON.stringify({ query, requestHeaders, responseHeaders })).not.toMatch(
    /s3cr3t|upstream-token-value|client-secret-value|should-not-be-kept|abc123|tg_/,
  )
  expect(JSON.parse(capture!.requestBody.text!)).toEqual({ city: 'Oslo', units: 'metric' })
  expect(capture!.requestBody).toMatchObject({ bytes: sent.length, truncated: false, contentType: 'application/json' })
  expect(JSON.parse(capture!.responseBody.text!)).toMatchObject({ received: sent.length })
  // The consumer who made the call sees the same capture.
  expect(await captureSeenBy(globex, res.requestId)).toEqual(capture)
})

test('[CAPTURE] bodies are capped at 16 KB each, the client and the upstream still get every byte', async () => {
  const big = await call('v1', '/big')
  expect(big.text.length).toBe(BIG)
  const response = (await captureSeenBy(acme, big.requestId))!.responseBody
  expect(response.text!.length).toBe(CAPTURE_BODY_LIMIT)
  expect(response).toMatchObject({ bytes: BIG, truncated: true })

  const payload = JSON.stringify({ pad: 'y'.repeat(25_000) })
  const posted = await call('v1', '/echo', payload)
  expect(JSON.parse(posted.text).received).toBe(payload.length)
  const request = (await captureSeenBy(acme, posted.requestId))!.requestBody
  expect(request.text!.length).toBe(CAPTURE_BODY_LIMIT)
  expect(request).toMatchObject({ bytes: payload.length, truncated: true })
})

test('[CAPTURE] the headers mode keeps no body; capture off (the default) keeps nothing', async () => {
  const headersOnly = await call('v2', '/echo', '{"a":1}')
  const capture = await captureSeenBy(acme, headersOnly.requestId)
  expect(new Map(capture!.requestHeaders).get('x-trace')).toBe('kept-as-is')
  expect(capture!.requestBody.text).toBeNull()
  expect(capture!.responseBody.text).toBeNull()

  const off = await call('v3', '/echo', '{"a":1}')
  expect(JSON.parse(off.text)).toMatchObject({ path: '/echo', received: 7 })
  expect(await captureSeenBy(acme, off.requestId)).toBeNull()
  expect(await testDb.db.invocationCapture.count({ where: { requestId: off.requestId } })).toBe(0)
})

test('[CAPTURE] another team never sees a capture', async () => {
  const res = await call('v1', '/echo', '{"private":true}')
  expect(await captureSeenBy(acme, res.requestId)).not.toBeNull()
  expect(await captureSeenBy(initech, res.requestId)).toBeNull()
})

test('[CAPTURE] captures are pruned on their own retention, the call log stays', async () => {
  const short = await call('v1', '/echo', '{"keep":"1 day"}')
  const long = await call('v2', '/echo', '{"keep":"7 days"}')
  await captureSeenBy(acme, long.requestId)
  // Two days on: v1's one-day captures are gone, v2's seven-day ones are not.
  await pruneCaptures(testDb.db, Date.now() + 2 * DAY)
  expect(await testDb.db.invocationCapture.count({ where: { requestId: short.requestId } })).toBe(0)
  expect(await testDb.db.invocationCapture.count({ where: { requestId: long.requestId } })).toBe(1)
  expect(await testDb.db.invocation.count({ where: { requestId: short.requestId } })).toBe(1)
  await pruneCaptures(testDb.db, Date.now() + 8 * DAY)
  expect(await testDb.db.invocationCapture.count({ where: { requestId: long.requestId } })).toBe(0)
})
