import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closedPort } from '../lib/gateway/test-fixtures'
import { spawnGatewayOnly } from '../lib/gateway/test-spawn-gateway'
import { seedWorld, type World } from '../lib/gateway/test-world'
import { setupTestDatabase, type TestDatabase } from '../lib/testing/test-database'
import { startDemoUpstream, type DemoUpstream } from './demo-upstream'
import { runGatewayServer, type RunningGateway } from './run-gateway-server'

// /metrics on a real gateway server: real calls through the gateway to a real upstream, then a
// scrape, whose counters must match the calls made.

let testDb: TestDatabase
let upstream: DemoUpstream
let running: RunningGateway
let world: World
let base: string

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  world = await seedWorld(testDb.db, upstream.url, `http://127.0.0.1:${await closedPort()}`)
  running = await runGatewayServer({ db: testDb.db, databaseUrl: testDb.url, port: 0, hostname: '127.0.0.1' })
  base = `http://127.0.0.1:${running.port}`
})
afterAll(async () => {
  await running?.stop()
  await upstream?.close()
  await testDb?.cleanup()
})

async function call(path: string, key: string | null = world.keys.valid.value): Promise<number> {
  const res = await request(base + path, { headers: key ? { authorization: `Bearer ${key}` } : {} })
  await res.body.text()
  return res.statusCode
}

async function scrape(headers: Record<string, string> = {}) {
  const res = await request(`${base}/metrics`, { headers })
  return { status: res.statusCode, type: String(res.headers['content-type']), text: await res.body.text() }
}

/** The value of one series (labels in any order), 0 when absent. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    const labelText = line.slice(name.length).match(/^\{(.*)\}/)?.[1] ?? ''
    const have = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(line.split(' ').at(-1))
  }
  return 0
}

describe('/metrics', () => {
  test('after real gateway calls, the counters match the calls made', async () => {
    const before = (await scrape()).text
    const weather = { team: world.acme.id, api: world.weather.api.id, version: world.weather.versionIds.get('v2')! }
    const ok = [] as number[]
    for (let i = 0; i < 5; i++) ok.push(await call(`${world.base('weather', 'v2')}/current`))
    const unauthorized = await call(`${world.base('weather', 'v2')}/current`, null)
    const limited = [] as number[]
    for (let i = 0; i < 5; i++) limited.push(await call(`${world.base('limited', 'v1')}/hello`))
    expect(ok).toEqual([200, 200, 200, 200, 200])
    expect(unauthorized).toBe(401)
    expect(limited.filter((s) => s === 429)).toHaveLength(2)

    const after = await scrape()
    expect([after.status, after.type]).toEqual([200, 'text/plain; version=0.0.4; charset=utf-8'])
    const delta = (name: string, labels: Record<string, string> = {}) =>
      valueOf(after.text, name, labels) - valueOf(before, name, labels)
    expect(delta('tollgate_gateway_requests_total', { ...weather, status_class: '2xx' })).toBe(5)
    expect(delta('tollgate_gateway_requests_total', { ...weather, status_class: '4xx' })).toBe(1)
    expect(delta('tollgate_gateway_rate_limited_total')).toBe(2)
    expect(delta('tollgate_upstream_duration_seconds_count', { status_class: '2xx' })).toBe(8)
    expect(delta('tollgate_gateway_overhead_seconds_count', { status_class: '4xx' })).toBe(3)
    expect(valueOf(after.text, 'tollgate_snapshot_version')).toBe(running.gateway.store.current.version)
    expect(valueOf(after.text, 'tollgate_snapshot_age_seconds')).toBeGreaterThanOrEqual(0)
    expect(after.text).toContain('tollgate_metering_queue_depth')
    // Bounded labels: no key and no path ever appears.
    expect(after.text).not.toContain(world.keys.valid.id)
    expect(after.text).not.toContain('/current')
  })

  test('the metering writer’s batches are timed', async () => {
    await call(`${world.base('weather', 'v2')}/current`)
    await running.gateway.writer.flush()
    expect(valueOf((await scrape()).text, 'tollgate_metering_batch_duration_seconds_count')).toBeGreaterThan(0)
  })

  test('a client behind a trusted proxy needs METRICS_TOKEN; a wrong token is 401 problem+json', async () => {
    process.env.TRUST_PROXY = 'loopback'
    process.env.METRICS_TOKEN = 'scrape-secret-0123456789'
    try {
      const remote = { 'x-forwarded-for': '203.0.113.7' }
      const refused = await scrape(remote)
      expect([refused.status, refused.type]).toEqual([401, 'application/problem+json'])
      expect((await scrape({ ...remote, authorization: 'Bearer wrong' })).status).toBe(401)
      const allowed = await scrape({ ...remote, authorization: 'Bearer scrape-secret-0123456789' })
      expect(allowed.status).toBe(200)
      expect(allowed.text).toContain('tollgate_gateway_requests_total')
    } finally {
      delete process.env.TRUST_PROXY
      delete process.env.METRICS_TOKEN
    }
  })
})

describe('/metrics with GATEWAY_WORKERS', () => {
  test('a scrape sums every worker’s counters', async () => {
    const gateway = await spawnGatewayOnly({ DATABASE_URL: testDb.url, GATEWAY_WORKERS: '2' })
    try {
      const path = `${world.base('weather', 'v2')}/current`
      const labels = {
        team: world.acme.id,
        api: world.weather.api.id,
        version: world.weather.versionIds.get('v2')!,
        status_class: '2xx',
      }
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) {
        // A new connection each time, so the calls spread over both workers.
        const res = await request(gateway.url + path, {
          headers: { authorization: `Bearer ${world.keys.valid.value}`, connection: 'close' },
        })
        await res.body.text()
        statuses.push(res.statusCode)
      }
      expect(statuses.every((s) => s === 200)).toBe(true)
      for (let i = 0; i < 3; i++) {
        const res = await request(`${gateway.url}/metrics`, { headers: { connection: 'close' } })
        const text = await res.body.text()
        expect(res.statusCode, `${text}\n${gateway.output()}`).toBe(200)
        expect(valueOf(text, 'tollgate_gateway_requests_total', labels)).toBe(20)
      }
    } finally {
      await gateway.stop()
    }
  })
})
