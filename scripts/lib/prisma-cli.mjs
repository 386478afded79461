// Small helpers around the Prisma CLI, shared by the db scripts, the start script and the tests.
// The CLI's schema engine is our wasm stand-in (prisma/schema-engine.mjs), set up by
// prisma.config.ts; nothing here needs the internet.
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { syncPostgresSchema } from '../sync-postgres-schema.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const PRISMA_BIN = path.join(ROOT, 'node_modules/.bin/prisma')
export const SCHEMA_ENGINE = path.join(ROOT, 'prisma/schema-engine.mjs')
export const DEFAULT_SQLITE_URL = `file:${path.join(ROOT, 'data/tollgate.db')}`

/** Where each provider's schema and migrations live (the same choice prisma.config.ts makes). */
export const PROVIDERS = {
  sqlite: {
    schema: path.join(ROOT, 'prisma/schema.prisma'),
    migrations: path.join(ROOT, 'prisma/migrations'),
    lockProvider: 'sqlite',
  },
  postgres: {
    schema: path.join(ROOT, 'prisma/postgres/schema.prisma'),
    migrations: path.join(ROOT, 'prisma/postgres/migrations'),
    lockProvider: 'postgresql',
  },
}

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url ?? '')
export const providerOf = (url) => (isPostgresUrl(url) ? 'postgres' : 'sqlite')

/** DATABASE_URL, or the default SQLite file; relative SQLite paths are taken from the project root. */
export function resolveDatabaseUrl(url = process.env.DATABASE_URL) {
  if (!url) return DEFAULT_SQLITE_URL
  if (isPostgresUrl(url)) return url
  const file = url.replace(/^file:/, '')
  if (file === ':memory:' || path.isAbsolute(file)) return url
  return `file:${path.join(ROOT, file)}`
}

/** The file behind a SQLite URL. */
export const sqliteFile = (url) =>
  resolveDatabaseUrl(url)
    .replace(/^file:/, '')
    .replace(/\?.*$/, '')

/**
 * Runs the Prisma CLI. Resolves with { code, stdout, stderr }; rejects on an exit code not in
 * `okCodes`. With `capture: false` the output goes straight to this process's stdout/stderr.
 * @param {string[]} args
 * @param {{ databaseUrl?: string, capture?: boolean, okCodes?: number[], env?: Record<string,string> }} [options]
 */
export function runPrisma(args, { databaseUrl, capture = true, okCodes = [0], env = {} } = {}) {
  const url = resolveDatabaseUrl(databaseUrl)
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA_BIN, args, {
      cwd: ROOT,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: url,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || SCHEMA_ENGINE,
        // No update check, no telemetry, no "update available" box: there is no internet here.
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        PRISMA_DISABLE_WARNINGS: process.env.PRISMA_DISABLE_WARNINGS ?? '',
        ...env,
      },
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d) => (stdout += d))
    child.stderr?.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      const result = { code, stdout, stderr }
      if (okCodes.includes(code)) return resolve(result)
      const shown = `prisma ${args.join(' ')}`.replace(/\/\/([^:/@]+):[^@]*@/g, '//$1:***@')
      reject(Object.assign(new Error(`${shown} exited with code ${code}\n${stdout}${stderr}`.trimEnd()), result))
    })
  })
}

/**
 * Generates both clients: generated/sqlite and generated/postgres. Needs no database, so it is safe
 * on postinstall. The PostgreSQL schema is re-synced from prisma/schema.prisma first.
 */
export async function generateClients({ quiet = false } = {}) {
  syncPostgresSchema({ quiet })
  await Promise.all(
    Object.entries(PROVIDERS).map(async ([, { schema }]) => {
      const { stdout } = await runPrisma(['generate', '--schema', schema])
      // stdout holds the "✔ Generated Prisma Client ..." line; stderr only the config banner.
      if (!quiet) process.stdout.write(stdout.replace(/^\s*\n/gm, ''))
    }),
  )
}

/**
 * `prisma migrate deploy` against `databaseUrl` (default: DATABASE_URL or the SQLite file).
 * The Prisma CLI creates a missing database itself; the SQLite directory is created here.
 */
export async function migrateDeploy(databaseUrl, { capture = true } = {}) {
  const url = resolveDatabaseUrl(databaseUrl)
  if (!isPostgresUrl(url)) mkdirSync(path.dirname(sqliteFile(url)), { recursive: true })
  const result = await runPrisma(['migrate', 'deploy'], { databaseUrl: url, capture })
  // Belt and braces: exit code 0 without Prisma's closing line means the CLI stopped early.
  if (capture && !/No pending migrations to apply|successfully applied|No migration found/.test(result.stdout)) {
    throw new Error(`prisma migrate deploy did not report success\n${result.stdout}${result.stderr}`)
  }
  return result
}
