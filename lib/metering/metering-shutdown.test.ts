import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { createApi, createKey } from '../gateway/test-fixtures'
import { spawnGatewayOnly } from '../gateway/test-spawn-gateway'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'

// Metering is exact across a shutdown: N calls answered before SIGTERM are N Invocation rows
// after the process exits, with one worker and with GATEWAY_WORKERS=2.

let testDb: TestDatabase
let upstream: DemoUpstream
let path: string
let key: string

beforeAll(async () => {
  testDb = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  const acme = await createTestTeam({ label: 'acme' }, testDb.db)
  const globex = await createTestTeam({ label: 'globex' }, testDb.db)
  await createApi(testDb.db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'orders',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: upstream.url }],
  })
  key = (await createKey(testDb.db, globex.id)).value
  path = `/gw/${acme.slug}/orders/v1/orders`
})

afterAll(async () => {
  await upstream?.close()
  await testDb?.cleanup()
})

test.each([
  { workers: '1', calls: 400 },
  { workers: '2', calls: 400 },
])(
  'GATEWAY_WORKERS=$workers: $calls calls, SIGTERM, exactly $calls rows',
  async ({ workers, calls }) => {
    const before = await testDb.db.invocation.count()
    // A long flush interval: without the shutdown flush, most rows would still be in memory.
    const gateway = await spawnGatewayOnly({
      DATABASE_URL: testDb.url,
      GATEWAY_WORKERS: workers,
      METERING_FLUSH_MS: '60000',
    })
    const statuses: number[] = []
    for (let i = 0; i < calls; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, calls - i) }, async (_, j) => {
          // Every tenth call is a gateway error (no key): those are metered too.
          const headers: Record<string, string> = (i + j) % 10 === 0 ? {} : { authorization: `Bearer ${key}` }
          const res = await request(gateway.url + path, { headers })
          await res.body.dump()
          return res.statusCode
        }),
      )
      statuses.push(...batch)
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(calls - calls / 10)
    expect(statuses.filter((s) => s === 401)).toHaveLength(calls / 10)

    // Nothing has been flushed yet (the timer is a minute away, and no batch filled up).
    expect(await testDb.db.invocation.count()).toBe(before)
    const exitCode = await gateway.stop('SIGTERM')
    expect(exitCode, gateway.output()).toBe(0)
    if ((await testDb.db.invocation.count()) - before !== calls) console.error(gateway.output())
    expect((await testDb.db.invocation.count()) - before).toBe(calls)
    const usage = await testDb.db.usageRollup.findMany()
    expect(usage.reduce((sum, u) => sum + u.calls, 0) - before).toBe(calls)
  },
  60_000,
)
