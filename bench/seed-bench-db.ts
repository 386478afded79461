import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createDb, type Db } from '../lib/db'
import { createApi, createKey, createTeam } from '../lib/gateway/test-fixtures'
import { migrate } from '../scripts/db-migrate.mjs'

// A migrated temp SQLite database with one team calling another team's API through a key, on a
// plan with a rate limit far above what the benchmark reaches (so the limiter runs, never denies).

export async function seedBenchDb(upstreamUrl: string): Promise<{ db: Db; url: string; path: string; key: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-'))
  const url = `file:${path.join(dir, 'bench.db')}`
  await migrate(url)
  const db = createDb(url)
  const owner = await createTeam(db, 'acme')
  const consumer = await createTeam(db, 'globex')
  await createApi(db, {
    ownerTeamId: owner.id, consumerTeamId: consumer.id, slug: 'weather', rateLimit: 1_000_000_000, rateWindow: 'MINUTE',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl }],
  })
  const key = await createKey(db, consumer.id)
  return { db, url, path: `/gw/${owner.slug}/weather/v1/current?city=Oslo`, key: key.value }
}
