// Guards the two migration histories (SQLite in prisma/migrations, PostgreSQL in
// prisma/postgres/migrations) against the one data model in prisma/schema.prisma:
//   - the PostgreSQL schema must be the generated copy of the SQLite one;
//   - each migration history must produce exactly its schema (`prisma migrate diff --exit-code`);
//   - the migrations must really apply to a fresh database, and a second run must be a no-op.
// Fix a failure with `npm run db:sync-schema` or `npm run db:new-migration -- <name>`.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createScratchDatabase, postgresServerUrl, type TestDatabase } from '../lib/testing/test-database'
import { migrate } from '../scripts/db-migrate.mjs'
import { PROVIDERS, runPrisma } from '../scripts/lib/prisma-cli.mjs'
import { POSTGRES_SCHEMA, expectedPostgresSchema } from '../scripts/sync-postgres-schema.mjs'

// Both engines in every run: PostgreSQL is on every machine and in CI (TEST_DATABASE_URL, else
// 127.0.0.1:5432), so neither half is ever skipped.
//
// Each check is a Prisma CLI run or two (about 2 s of CPU each, most of it the CLI starting) on
// databases of its own: an in-memory or throwaway shadow database for the diff, a fresh database
// for the apply. Nothing is shared, so both engines' suites and their tests run concurrently
// (describe.concurrent), and the file takes about as long as its longest chain, not the sum of
// six CLI runs.
const TIMEOUT = 60_000

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

describe.concurrent('SQLite', () => {
  let fresh: TestDatabase
  beforeAll(async () => {
    fresh = await createScratchDatabase('sqlite', { create: false })
  })
  afterAll(() => fresh?.cleanup())

  test(
    'the migrations produce prisma/schema.prisma exactly',
    async ({ expect }) => {
      // The shadow database is in memory; so is the main one, which the diff never touches.
      const { clean, stdout, stderr } = await drift('sqlite', 'file::memory:')
      expect(clean, `${stdout}\n${stderr}`).toBe(true)
    },
    TIMEOUT,
  )

  test(
    'the migrations apply to a fresh database, and again as a no-op',
    async ({ expect }) => {
      const url = fresh.url // the directory does not exist yet
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

describe.concurrent('PostgreSQL', () => {
  let fresh: TestDatabase
  beforeAll(async () => {
    fresh = await createScratchDatabase('postgres', { create: false })
  })
  afterAll(() => fresh?.cleanup())

  test(
    'the migrations produce prisma/postgres/schema.prisma exactly',
    async ({ expect }) => {
      // Replaying the migrations needs a shadow database: the engine stand-in creates a throwaway
      // one on this server and drops it again.
      const { clean, stdout, stderr } = await drift('postgres', postgresServerUrl())
      expect(clean, `${stdout}\n${stderr}`).toBe(true)
    },
    TIMEOUT,
  )

  test(
    'the migrations apply to a fresh database, and again as a no-op',
    async ({ expect }) => {
      const first = await migrate(fresh.url) // creates the database
      expect(first.applied.length).toBeGreaterThan(0)
      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      try {
        const { rows } = await client.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Api'",
        )
        expect(rows).toEqual([{ table_name: 'Api' }])
      } finally {
        await client.end()
      }
      const second = await migrate(fresh.url)
      expect(second.applied).toEqual([])
    },
    TIMEOUT,
  )
})
