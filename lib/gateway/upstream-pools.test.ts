// The gateway's upstream pools connect through the outbound policy: a version whose host resolves
// to a refused address when the gateway connects (DNS rebinding after a clean save, or an IP
// literal saved before the check existed) answers 502 problem+json and the upstream sees nothing.
// Real gateway, real upstream socket; the resolver is a table injected into the policy.
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { checkOutboundUrl } from '../net/check-outbound-url'
import type { OutboundPolicy } from '../net/outbound-policy'
import { staticLookup } from '../net/static-lookup'
import { createGateway } from '../../server/create-gateway'
import { createApi, createKey } from './test-fixtures'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

let testDb: TestDatabase
let upstream: Server
const seen = { connections: 0, requests: [] as string[] }
let key: string
let teamSlug: string
let port: number

// "rebound.example" resolves to a public address the first time (the save-time check), then to
// the loopback upstream: the classic rebinding move. "loopback.example" is 127.0.0.1 throughout.
let reboundLookups = 0
const lookups = { loopback: 0 }
const dns = staticLookup({
  'rebound.example': () => (++reboundLookups === 1 ? '93.184.215.14' : '127.0.0.1'),
  'loopback.example': () => {
    lookups.loopback++
    return '127.0.0.1'
  },
})

async function startGateway(policy: OutboundPolicy) {
  const gateway = createGateway({ db: testDb.db, databaseUrl: testDb.url, flushMs: 50 })
  // Before start(): the first snapshot makes the pools.
  gateway.store.pools.policy = policy
  await gateway.start()
  const server = createServer((req, res) => gateway.handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    call: async (api: string) => {
      const response = await request(`${url}/gw/${teamSlug}/${api}/v1/things`, {
        headers: { authorization: `Bearer ${key}` },
      })
      return { status: response.statusCode, type: response.headers['content-type'], body: await response.body.text() }
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await gateway.stop()
    },
  }
}

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = createServer((req, res) => {
    seen.requests.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  upstream.on('connection', (_socket: Socket) => {
    seen.connections++
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()))
  port = (upstream.address() as AddressInfo).port
  const acme = await createTestTeam({ label: 'acme' }, testDb.db)
  const globex = await createTestTeam({ label: 'globex' }, testDb.db)
  teamSlug = acme.slug
  const apis: Array<[string, string]> = [
    ['rebound', `http://rebound.example:${port}/base`],
    ['loopback-name', `http://loopback.example:${port}/base`],
    ['loopback-literal', `http://127.0.0.1:${port}/base`],
    ['hex-literal', `http://0x7f000001:${port}/base`],
    ['mapped-literal', `http://[::ffff:127.0.0.1]:${port}/base`],
    ['metadata', `http://169.254.169.254:${port}/latest/meta-data`],
    ['metadata-name', `http://metadata.google.internal:${port}/computeMetadata/v1`],
  ]
  for (const [slug, upstreamUrl] of apis) {
    await createApi(testDb.db, {
      ownerTeamId: acme.id,
      consumerTeamId: globex.id,
      slug,
      versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl }],
    })
  }
  key = (await createKey(testDb.db, globex.id)).value
})

afterAll(async () => {
  upstream?.closeAllConnections()
  await new Promise((resolve) => upstream?.close(resolve))
  await testDb?.cleanup()
})

describe('private upstreams not allowed', () => {
  test('a name saved while public that resolves to loopback at connect time answers 502 problem+json; the upstream sees nothing', async () => {
    const policy: OutboundPolicy = { allowPrivate: false, lookup: dns }
    // The save-time check passes: the name is public when it is saved.
    expect(await checkOutboundUrl(`http://rebound.example:${port}/base`, policy)).toMatchObject({
      ok: true,
      addresses: ['93.184.215.14'],
    })
    const warn = vi.spyOn(console, 'warn')
    const gw = await startGateway(policy)
    try {
      const answer = await gw.call('rebound')
      expect(answer).toMatchObject({ status: 502, type: 'application/problem+json' })
      expect(JSON.parse(answer.body)).toMatchObject({ status: 502, code: 'upstream_unreachable' })
      // The reason stays in the server log, not in the caller's answer.
      expect(answer.body).not.toContain('127.0.0.1')
      expect(warn.mock.calls.flat().join('\n')).toContain('rebound.example resolves to 127.0.0.1 (loopback)')
    } finally {
      warn.mockRestore()
      await gw.close()
    }
    expect(reboundLookups).toBe(2)
    expect(seen).toEqual({ connections: 0, requests: [] })
  })

  test.each(['loopback-name', 'loopback-literal', 'hex-literal', 'mapped-literal', 'metadata', 'metadata-name'])(
    '%s answers 502 problem+json without connecting',
    async (api) => {
      const gw = await startGateway({ allowPrivate: false, lookup: dns })
      try {
        const answer = await gw.call(api)
        expect(answer).toMatchObject({ status: 502, type: 'application/problem+json' })
        expect(JSON.parse(answer.body)).toMatchObject({ code: 'upstream_unreachable' })
      } finally {
        await gw.close()
      }
      expect(seen).toEqual({ connections: 0, requests: [] })
    },
  )
})

describe('private upstreams allowed (the operator setting)', () => {
  test('loopback names and literals reach the upstream; metadata stays refused', async () => {
    const gw = await startGateway({ allowPrivate: true, lookup: dns })
    try {
      for (const api of ['rebound', 'loopback-name', 'loopback-literal', 'hex-literal']) {
        expect(await gw.call(api), api).toMatchObject({ status: 200, body: '{"ok":true}' })
      }
      for (const api of ['metadata', 'metadata-name']) {
        expect(await gw.call(api), api).toMatchObject({ status: 502, type: 'application/problem+json' })
      }
    } finally {
      await gw.close()
    }
    expect(seen.requests).toEqual(['GET /base/things', 'GET /base/things', 'GET /base/things', 'GET /base/things'])
  })

  test('the check runs when a connection opens, not per call: keep-alive calls resolve once', async () => {
    const gw = await startGateway({ allowPrivate: true, lookup: dns })
    const before = { lookups: lookups.loopback, connections: seen.connections }
    try {
      for (let i = 0; i < 5; i++) expect((await gw.call('loopback-name')).status).toBe(200)
    } finally {
      await gw.close()
    }
    expect(lookups.loopback - before.lookups).toBe(1)
    expect(seen.connections - before.connections).toBe(1)
  })
})
