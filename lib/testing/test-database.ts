// The one way an integration test gets a database: a fresh, migrated one per test file, and a
// cleanup that removes it. SQLite by default (a temp file, no server needed);
// TEST_DATABASE_URL=postgresql://... runs the same tests against PostgreSQL, each file in its own
// freshly created database. CI runs the whole suite both ways.
//
//   let database: TestDatabase
//   beforeAll(async () => { database = await setupTestDatabase() })   // before the first query
//   afterAll(() => database?.cleanup())
//
// lib/db.ts creates its client lazily from DATABASE_URL on first use, so setting the variable
// here is enough, even when lib/db was imported earlier. `database.db` is that client, for code
// that takes a `Db` (the gateway, the billing worlds).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createDb, db, disconnectDb, isPostgresUrl, type Db } from '@/lib/db'
import { randomToken } from '@/lib/ids'
import { migrateDeploy } from '@/scripts/lib/prisma-cli.mjs'

export type DatabaseProvider = 'sqlite' | 'postgres'

export type TestDatabase = {
  url: string
  provider: DatabaseProvider
  /** A client on this database (created on first use). */
  db: Db
  cleanup: () => Promise<void>
}

/** Set by lib/testing/global-setup.ts under vitest: migrated templates that each database copies. */
export const SQLITE_TEMPLATE_ENV = 'TOLLGATE_TEST_SQLITE_TEMPLATE'
export const POSTGRES_TEMPLATE_ENV = 'TOLLGATE_TEST_POSTGRES_TEMPLATE'

/** The PostgreSQL server tests use when TEST_DATABASE_URL does not name one (CI and dev machines run it). */
export const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres'

/** The engine `setupTestDatabase()` gives this run, for choices a test file makes before its databases exist. */
export function testDatabaseProvider(): DatabaseProvider {
  return postgresFromEnv() ? 'postgres' : 'sqlite'
}

/** The PostgreSQL server for this run: TEST_DATABASE_URL when it names one, else the local server. */
export function postgresServerUrl(): string {
  return postgresFromEnv() ?? LOCAL_POSTGRES_URL
}

/** This file's database, on the engine TEST_DATABASE_URL selects; lib/db's `db` uses it. */
export async function setupTestDatabase(): Promise<TestDatabase> {
  await disconnectDb()
  const database =
    testDatabaseProvider() === 'postgres' ? await createPostgres(postgresServerUrl()) : await createSqlite()
  process.env.DATABASE_URL = database.url
  return {
    ...database,
    db,
    cleanup: async () => {
      await disconnectDb()
      await database.cleanup()
    },
  }
}

/**
 * A database of the given engine that leaves DATABASE_URL alone, with a client of its own, for a
 * suite that must compare both engines in one run (money under concurrency, the migrations).
 * PostgreSQL is on every machine and in CI, so no suite skips it. `{ create: false }` names one
 * that does not exist yet, for a test of creating and migrating it.
 */
export async function createScratchDatabase(
  provider: DatabaseProvider,
  { create = true }: { create?: boolean } = {},
): Promise<TestDatabase> {
  const database =
    provider === 'sqlite' ? await createSqlite(create) : await createPostgres(postgresServerUrl(), create)
  let client: Db | undefined
  return {
    ...database,
    get db() {
      return (client ??= createDb(database.url))
    },
    cleanup: async () => {
      await client?.$disconnect()
      await database.cleanup()
    },
  }
}

type Created = Omit<TestDatabase, 'db'>

function postgresFromEnv(): string | undefined {
  const base = process.env.TEST_DATABASE_URL
  return base && isPostgresUrl(base) ? base : undefined
}

async function createSqlite(create = true): Promise<Created> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-test-'))
  // Not created: a file in a directory that does not exist yet.
  const url = create ? `file:${path.join(dir, 'test.db')}` : `file:${path.join(dir, 'fresh', 'test.db')}`
  if (create) {
    // Outside vitest (the contracts bench) there is no template: migrate.
    const template = process.env[SQLITE_TEMPLATE_ENV]
    if (template) copyFileSync(template, path.join(dir, 'test.db'))
    else await migrateDeploy(url)
  }
  return {
    url,
    provider: 'sqlite',
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function createPostgres(server: string, create = true): Promise<Created> {
  const name = `tollgate_test_${randomToken(10)}`
  const url = new URL(server)
  const adminDatabase = url.pathname.slice(1) || 'postgres'
  url.pathname = `/${name}`
  const adminUrl = new URL(server)
  adminUrl.pathname = `/${adminDatabase === name ? 'postgres' : adminDatabase}`
  if (create) {
    const template = process.env[POSTGRES_TEMPLATE_ENV]
    if (template) {
      await withPostgresAdmin(adminUrl.toString(), (client) => createFromTemplate(client, name, template))
    } else {
      await withPostgresAdmin(adminUrl.toString(), (client) => client.query(`CREATE DATABASE "${name}"`))
      await migrateDeploy(url.toString())
    }
  }
  return {
    url: url.toString(),
    provider: 'postgres',
    cleanup: async () => {
      // WITH (FORCE) (PostgreSQL 13+) ends connections a pool may still hold.
      await withPostgresAdmin(adminUrl.toString(), (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      )
    },
  }
}

// Two copies of one template started at the same instant can collide on PostgreSQL's check that
// nobody else is using the source database; the copy that lost retries.
function createFromTemplate(client: pg.Client, name: string, template: string): Promise<unknown> {
  return retryWhileInUse(() => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
}

/**
 * Runs `statement` again while PostgreSQL refuses it because another session is using the database
 * (copying a template, renaming one whose last connection is still closing).
 */
export async function retryWhileInUse<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement()
    } catch (error) {
      const inUse = error instanceof Error && /is being accessed by other users/.test(error.message)
      if (!inUse || attempt >= 20) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    }
  }
}

/** Runs `fn` with a client on a PostgreSQL server's admin database (CREATE and DROP DATABASE). */
export async function withPostgresAdmin<T>(
  connectionString: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
