// Prisma CLI configuration. One config serves two databases, chosen by DATABASE_URL:
//   postgresql:// or postgres://  → prisma/postgres/schema.prisma + prisma/postgres/migrations
//   anything else (default SQLite) → prisma/schema.prisma + prisma/migrations,
//                                    DATABASE_URL defaulting to file:./data/tollgate.db
// prisma/postgres/schema.prisma is generated from prisma/schema.prisma (npm run db:sync-schema).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'prisma/config'

const root = path.dirname(fileURLToPath(import.meta.url))

// No native schema engine can be downloaded here: the CLI runs our stand-in instead, which drives
// @prisma/schema-engine-wasm (see prisma/schema-engine.mjs). A machine that has the native binary
// can still point PRISMA_SCHEMA_ENGINE_BINARY at it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(root, 'prisma/schema-engine.mjs')

const DEFAULT_SQLITE_URL = 'file:./data/tollgate.db'

/** Relative SQLite paths are taken from the project root, wherever the command runs from. */
function absoluteSqliteUrl(url: string): string {
  const file = url.replace(/^file:/, '')
  if (file === ':memory:' || path.isAbsolute(file)) return url
  return `file:${path.join(root, file)}`
}

const rawUrl = process.env.DATABASE_URL || DEFAULT_SQLITE_URL
const isPostgres = /^postgres(ql)?:\/\//i.test(rawUrl)
const url = isPostgres ? rawUrl : absoluteSqliteUrl(rawUrl)

if (!isPostgres) {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '')
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
}

export default defineConfig({
  schema: path.join(root, isPostgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma'),
  migrations: {
    path: path.join(root, isPostgres ? 'prisma/postgres/migrations' : 'prisma/migrations'),
  },
  datasource: {
    url,
    // Optional. Without it the engine stand-in uses an in-memory SQLite database, or creates and
    // drops a throwaway PostgreSQL database on the same server.
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
})
