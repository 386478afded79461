// The one Prisma client factory. SQLite (better-sqlite3) is the embedded default;
// DATABASE_URL=postgresql://... selects PostgreSQL. Both clients are generated from one schema.
import path from 'node:path'
import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqliteClient } from '../generated/sqlite/client'
import { PrismaClient as PostgresClient } from '../generated/postgres/client'

export type Db = SqliteClient
/** The client inside `db.$transaction(async (tx) => …)`: functions that must join the caller's transaction take it. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
export const DEFAULT_SQLITE_URL = 'file:./data/tollgate.db'

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SQLITE_URL
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgresql://') || url.startsWith('postgres://')
}

export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, '')
  return path.isAbsolute(file) ? file : path.resolve(/* turbopackIgnore: true */ process.cwd(), file)
}

export function createDb(url = databaseUrl()): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
    // Both generated clients expose the same model API; only the SQL dialect differs.
    return new PostgresClient({ adapter }) as unknown as Db
  }
  const file = sqliteFilePath(url)
  mkdirSync(path.dirname(file), { recursive: true })
  // WAL lets the console, the gateway writer and other processes read while one writes.
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  raw.close()
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 })
  return new SqliteClient({ adapter })
}

// One client per process, kept on globalThis so Next's module copies and dev reloads share it.
const globalForDb = globalThis as unknown as { tollgateDb?: Db }

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = (globalForDb.tollgateDb ??= createDb())
    const value = Reflect.get(client, property)
    return typeof value === 'function' ? value.bind(client) : value
  },
})

export async function disconnectDb(): Promise<void> {
  await globalForDb.tollgateDb?.$disconnect()
  globalForDb.tollgateDb = undefined
}
