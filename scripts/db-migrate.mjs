#!/usr/bin/env node
// Applies the migrations (`prisma migrate deploy`) to DATABASE_URL, default the SQLite file
// data/tollgate.db. Creates the data directory or the PostgreSQL database when missing. Running it
// again is a no-op. Used by `npm run db:migrate`, the start script and the tests:
//
//   import { migrate } from './db-migrate.mjs'
//   await migrate()                                   // DATABASE_URL or data/tollgate.db
//   await migrate('postgresql://postgres@127.0.0.1:5432/tollgate')
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isPostgresUrl, migrateDeploy, resolveDatabaseUrl } from './lib/prisma-cli.mjs'

/**
 * @param {string} [databaseUrl] default: DATABASE_URL, else file:data/tollgate.db
 * @param {{ quiet?: boolean }} [options] quiet: keep Prisma's output unless it fails
 * @returns {Promise<{ applied: string[], provider: "sqlite" | "postgres" }>} migrations applied by this run
 */
export async function migrate(databaseUrl, { quiet = true } = {}) {
  const url = resolveDatabaseUrl(databaseUrl)
  // The Prisma CLI itself creates a missing database (via the engine's create-database command,
  // which our stand-in implements); migrateDeploy creates the SQLite directory.
  const { stdout } = await migrateDeploy(url, { capture: true })
  if (!quiet) process.stdout.write(stdout)
  // Prisma lists what it applied as a tree: "migrations/", "  └─ <name>/", "    └─ migration.sql".
  const applied = [...stdout.matchAll(/└─ (\S+)\/\s*$/gm)].map((m) => m[1])
  return { applied, provider: isPostgresUrl(url) ? 'postgres' : 'sqlite' }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  migrate(undefined, { quiet: false }).catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
