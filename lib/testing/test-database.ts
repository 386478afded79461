// A fresh, migrated database for one integration test file, and a cleanup that removes it.
// SQLite by default (a temp file, no server needed); TEST_DATABASE_URL=postgresql://... runs the
// same tests against PostgreSQL, each file in its own freshly created database.
//
//   const database = await setupTestDatabase()   // in beforeAll, before the first query
//   afterAll(() => database.cleanup())
//
// lib/db.ts creates its client lazily from DATABASE_URL on first use, so setting the variable
// here is enough, even when lib/db was imported earlier.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { disconnectDb } from '@/lib/db'
import { randomToken } from '@/lib/ids'
import { migrateDeploy } from '@/scripts/lib/prisma-cli.mjs'

export type TestDatabase = { url: string; provider: 'sqlite' | 'postgres'; cleanup: () => Promise<void> }

export async function setupTestDatabase(): Promise<TestDatabase> {
  await disconnectDb()
  const base = process.env.TEST_DATABASE_URL
  const database = base && /^postgres(ql)?:\/\//.test(base) ? await createPostgres(base) : await createSqlite()
  process.env.DATABASE_URL = database.url
  return {
    ...database,
    cleanup: async () => {
      await disconnectDb()
      await database.cleanup()
    },
  }
}

/** The PostgreSQL server tests use when TEST_DATABASE_URL does not name one (CI and dev machines run it). */
export const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres'

/**
 * A fresh, migrated database of the given kind that leaves DATABASE_URL alone, for tests that
 * must run on both providers in one run (e.g. money under concurrency). The caller owns its clients.
 */
export function createScratchDatabase(provider: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (provider === 'sqlite') return createSqlite()
  const base = process.env.TEST_DATABASE_URL
  return createPostgres(base && /^postgres(ql)?:\/\//.test(base) ? base : LOCAL_POSTGRES_URL)
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-test-'))
  const url = `file:${path.join(dir, 'test.db')}`
  await migrateDeploy(url)
  return {
    url,
    provider: 'sqlite',
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function createPostgres(base: string): Promise<TestDatabase> {
  const name = `tollgate_test_${randomToken(10)}`
  const url = new URL(base)
  const adminDatabase = url.pathname.slice(1) || 'postgres'
  url.pathname = `/${name}`
  const adminUrl = new URL(base)
  adminUrl.pathname = `/${adminDatabase === name ? 'postgres' : adminDatabase}`
  await withClient(adminUrl.toString(), (client) => client.query(`CREATE DATABASE "${name}"`))
  await migrateDeploy(url.toString())
  return {
    url: url.toString(),
    provider: 'postgres',
    cleanup: async () => {
      // WITH (FORCE) (PostgreSQL 13+) ends connections a pool may still hold.
      await withClient(adminUrl.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
  }
}

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
