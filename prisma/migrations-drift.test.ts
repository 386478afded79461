// Guards the two migration histories (SQLite in prisma/migrations, PostgreSQL in
// prisma/postgres/migrations) against the one data model in prisma/schema.prisma:
//   - the PostgreSQL schema must be the generated copy of the SQLite one;
//   - each migration history must produce exactly its schema (`prisma migrate diff --exit-code`);
//   - the migrations must really apply to a fresh database, and a second run must be a no-op.
// Fix a failure with `npm run db:sync-schema` or `npm run db:new-migration -- <name>`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { migrate } from '../scripts/db-migrate.mjs'
import { PROVIDERS, runPrisma } from '../scripts/lib/prisma-cli.mjs'
import { POSTGRES_SCHEMA, expectedPostgresSchema } from '../scripts/sync-postgres-schema.mjs'

const PG_SERVER = process.env.PG_DEV_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
const TIMEOUT = 60_000

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const pgUp = await pgReachable()
// PostgreSQL may be absent on a developer's machine; in CI it must be there.
if (!pgUp && !process.env.CI) {
  console.warn(`[migrations-drift] PostgreSQL not reachable at ${PG_SERVER}: skipping the PostgreSQL checks.`)
}
const pgTest = pgUp || process.env.CI ? test : test.skip

/** `prisma migrate diff --from-migrations <dir> --to-schema <schema> --exit-code`: 0 = no drift. */
async function drift(provider: 'sqlite' | 'postgres', databaseUrl: string) {
  const { migrations, schema } = PROVIDERS[provider]
  const args = ['migrate', 'diff', '--from-migrations', migrations, '--to-schema', schema, '--exit-code']
  const result = await runPrisma(args, { databaseUrl, okCodes: [0, 1, 2] })
  // Exit code 0 alone is not proof: a CLI that stopped early exits 0 too. The diff must say so.
  const clean = result.code === 0 && result.stdout.includes('No difference detected')
  return { ...result, clean }
}

describe('schemas', () => {
  test('prisma/postgres/schema.prisma is the generated copy of prisma/schema.prisma', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(expectedPostgresSchema())
  })

  test('migration_lock.toml names the right provider', () => {
    expect(readFileSync(path.join(PROVIDERS.sqlite.migrations, 'migration_lock.toml'), 'utf8')).toMatch(
      /^provider = "sqlite"$/m,
    )
    expect(readFileSync(path.join(PROVIDERS.postgres.migrations, 'migration_lock.toml'), 'utf8')).toMatch(
      /^provider = "postgresql"$/m,
    )
  })
})

describe('SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-drift-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test(
    'the migrations produce prisma/schema.prisma exactly',
    async () => {
      // The shadow database is in memory; so is the main one, which the diff never touches.
      const { clean, stdout, stderr } = await drift('sqlite', 'file::memory:')
      expect(clean, `${stdout}\n${stderr}`).toBe(true)
    },
    TIMEOUT,
  )

  test(
    'the migrations apply to a fresh database, and again as a no-op',
    async () => {
      const url = `file:${path.join(dir, 'fresh', 'tollgate.db')}` // the directory does not exist yet
      const first = await migrate(url)
      expect(first.applied.length).toBeGreaterThan(0)
      const db = new Database(url.slice('file:'.length), { readonly: true })
      try {
        const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Api'").get()
        expect(table).toEqual({ name: 'Api' })
      } finally {
        db.close()
      }
      const second = await migrate(url)
      expect(second.applied).toEqual([])
    },
    TIMEOUT,
  )
})

describe('PostgreSQL', () => {
  const dbName = `tollgate_drift_${randomBytes(6).toString('hex')}`
  const dbUrl = new URL(PG_SERVER)
  dbUrl.pathname = `/${dbName}`

  afterAll(async () => {
    if (!pgUp) return
    const admin = new pg.Client({ connectionString: PG_SERVER })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    } finally {
      await admin.end()
    }
  })

  pgTest(
    'the migrations produce prisma/postgres/schema.prisma exactly',
    async () => {
      // Replaying the migrations needs a shadow database: the engine stand-in creates a throwaway
      // one on this server and drops it again.
      const { clean, stdout, stderr } = await drift('postgres', PG_SERVER)
      expect(clean, `${stdout}\n${stderr}`).toBe(true)
    },
    TIMEOUT,
  )

  pgTest(
    'the migrations apply to a fresh database, and again as a no-op',
    async () => {
      const first = await migrate(dbUrl.href) // creates the database
      expect(first.applied.length).toBeGreaterThan(0)
      const client = new pg.Client({ connectionString: dbUrl.href })
      await client.connect()
      try {
        const { rows } = await client.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Api'",
        )
        expect(rows).toEqual([{ table_name: 'Api' }])
      } finally {
        await client.end()
      }
      const second = await migrate(dbUrl.href)
      expect(second.applied).toEqual([])
    },
    TIMEOUT,
  )
})
