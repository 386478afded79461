import { request } from 'undici'
import { publishConfigChange } from '../lib/config-events/publish-config-change'
import type { Db } from '../lib/db'
import { createKey } from '../lib/gateway/test-fixtures'
import { createScratchDatabase, type TestDatabase } from '../lib/testing/test-database'
import { seedBenchDb } from './seed-bench-db'
import { freePort, NODE, spawnTarget, tsArgs, type Target } from './spawn-target'

// The scale-out bench's world: a paid API on a fresh PostgreSQL database, and gateway processes on it.

export type World = {
  database: TestDatabase
  db: Db
  consumerTeamId: string
  path: string
  keys: { id: string; value: string }[]
}

/** The bench's world (a paid API whose limit the load never reaches) on a fresh PostgreSQL database, with `keyCount` keys. */
export async function seedWorld(upstreamUrl: string, keyCount: number): Promise<World> {
  const database = await createScratchDatabase('postgres')
  const seeded = await seedBenchDb(upstreamUrl, database.url)
  const keys = []
  for (let i = 0; i < keyCount; i++) keys.push(await createKey(seeded.db, seeded.consumerTeamId))
  await publishConfigChange(seeded.db)
  const cleanup = async () => {
    await seeded.db.$disconnect()
    await database.cleanup()
  }
  return {
    database: { ...database, cleanup },
    db: seeded.db,
    consumerTeamId: seeded.consumerTeamId,
    path: seeded.path,
    keys,
  }
}

export async function spawnInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Target> {
  const port = await freePort()
  return spawnTarget(
    'gateway',
    NODE,
    tsArgs('server/gateway-only.ts'),
    {
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: String(port),
      GATEWAY_HOSTNAME: '127.0.0.1',
      GATEWAY_WORKERS: '1',
      DEMO_UPSTREAM: 'off',
      TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1',
      ...env,
    },
    port,
  )
}

export async function statusOf(url: string, key: string): Promise<number> {
  const res = await request(url, { headers: { authorization: `Bearer ${key}` } })
  await res.body.dump()
  return res.statusCode
}
