// Integration, PostgreSQL only (it starts its own database whatever TEST_DATABASE_URL says): console
// changes reach a gateway in another process through LISTEN/NOTIFY, and through the poll when the
// listener's connection is gone and its notifications are lost.
import pg from 'pg'
import { request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '../../server/demo-upstream'
import { listenerApplicationName } from '../config-events/listen-config-changes'
import { publishConfigChange } from '../config-events/publish-config-change'
import { disconnectDb } from '../db'
import { revokeKey } from '../keys/revoke-key'
import { retireVersion } from '../lifecycle/retire-version'
import { suspendSubscription } from '../subscriptions/decide-subscription'
import { createTestTeam, type TestTeam } from '../testing/create-test-team'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { createApi, createKey, waitFor } from './test-fixtures'
import { spawnGatewayOnly, type SpawnedGateway } from './test-spawn-gateway'

let database: TestDatabase
let upstream: DemoUpstream
let acme: TestTeam
let globex: TestTeam
/** Polls once a minute: within a second, only a notification can have told it. */
let notified: SpawnedGateway
/** Polls every 300 ms and, once its listener is killed, stays without one for a minute. */
let polling: SpawnedGateway
const previousDatabaseUrl = process.env.DATABASE_URL

beforeAll(async () => {
  database = await createScratchDatabase('postgres')
  // The console's functions (revokeKey, retireVersion, ...) write through lib/db's client.
  await disconnectDb()
  process.env.DATABASE_URL = database.url
  upstream = await startDemoUpstream(0)
  acme = await createTestTeam({ label: 'acme' }, database.db)
  globex = await createTestTeam({ label: 'globex' }, database.db)
  notified = await spawnGatewayOnly({
    DATABASE_URL: database.url,
    GATEWAY_POLL_MS: '60000',
    GATEWAY_TRACE_CONFIG: '1',
  })
  polling = await spawnGatewayOnly({
    DATABASE_URL: database.url,
    GATEWAY_POLL_MS: '300',
    GATEWAY_LISTEN_RETRY_MS: '60000',
  })
})

afterAll(async () => {
  await notified?.stop()
  await polling?.stop()
  await upstream?.close()
  await disconnectDb()
  process.env.DATABASE_URL = previousDatabaseUrl
  await database?.cleanup()
})

/** A fresh API (a PUBLISHED v2, a DEPRECATED v1) and key, once both gateways serve them. */
async function seedCallable(slug: string) {
  const api = await createApi(database.db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug,
    versions: [
      { version: 'v2', state: 'PUBLISHED', upstreamUrl: upstream.url },
      { version: 'v1', state: 'DEPRECATED', upstreamUrl: upstream.url, successor: 'v2' },
    ],
  })
  const key = await createKey(database.db, globex.id)
  // The fixtures write rows only; this event (naming no row) makes every gateway reload them all.
  await publishConfigChange(database.db)
  const paths = { v2: `/gw/${acme.slug}/${slug}/v2/hello`, v1: `/gw/${acme.slug}/${slug}/v1/hello` }
  for (const gateway of [notified, polling])
    for (const path of Object.values(paths)) await until(gateway, path, key.value, (status) => status === 200, 5_000)
  return { api, key, paths }
}

async function status(gateway: SpawnedGateway, path: string, key: string): Promise<number> {
  const res = await request(gateway.url + path, { headers: { authorization: `Bearer ${key}` } })
  await res.body.dump()
  return res.statusCode
}

/** Milliseconds until `gateway` answers `path` with a status `accept` takes; fails past `timeoutMs`. */
async function until(
  gateway: SpawnedGateway,
  path: string,
  key: string,
  accept: (status: number) => boolean,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now()
  for (;;) {
    const answered = await status(gateway, path, key)
    const elapsed = performance.now() - started
    if (accept(answered)) return elapsed
    if (elapsed > timeoutMs) throw new Error(`still ${answered} after ${Math.round(elapsed)} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

test('a revoked key, a retired version and a suspended subscription reach another process within 1 s through NOTIFY', async () => {
  const { api, key, paths } = await seedCallable('notified')

  await revokeKey(globex.scope, { keyId: key.id })
  expect(await until(notified, paths.v2, key.value, (s) => s === 401, 1_000)).toBeLessThan(1_000)

  const fresh = await createKey(database.db, globex.id)
  await publishConfigChange(database.db)
  await until(notified, paths.v1, fresh.value, (s) => s === 200, 5_000)
  await retireVersion(acme.scope, { versionId: api.versionIds.get('v1')!, reason: 'moving everyone to v2' })
  expect(await until(notified, paths.v1, fresh.value, (s) => s === 410, 1_000)).toBeLessThan(1_000)

  await suspendSubscription(acme.scope, { subscriptionId: api.subscription.id, reason: 'unpaid invoices' })
  expect(await until(notified, paths.v2, fresh.value, (s) => s === 403, 1_000)).toBeLessThan(1_000)
  // The revocation, the retirement and the suspension each re-read their one row at the other
  // process; only the events that name no row (the fixtures' rows) reloaded everything.
  await waitFor(async () => swapsOf(notified).length >= 5, 1_000)
  expect(swapsOf(notified)).toEqual(['full', 'delta', 'full', 'delta', 'delta'])
})

/** How the gateway took in each config change ('delta' or 'full'), in order, from its trace lines. */
function swapsOf(gateway: SpawnedGateway): string[] {
  return [...gateway.output().matchAll(/\] config v\d+ (delta|full) heard/g)].map((match) => match[1])
}

test('with its listener connection killed, a gateway still sees a revocation within 1 s through the poll', async () => {
  const { key, paths } = await seedCallable('polled')
  const admin = new pg.Client({ connectionString: database.url })
  await admin.connect()
  try {
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [listenerApplicationName(polling.child.pid)],
    )
    expect(killed.rowCount).toBe(1)
  } finally {
    await admin.end()
  }
  await revokeKey(globex.scope, { keyId: key.id })
  expect(await until(polling, paths.v2, key.value, (s) => s === 401, 1_000)).toBeLessThan(1_000)
  // Its listener is down for a minute: the notification of that change was lost, not delivered late.
  expect(polling.output()).toContain('config listener lost')
})
