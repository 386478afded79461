// Vitest's globalSetup: one migrated template database per engine. Each test file's
// setupTestDatabase() copies it (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL)
// instead of replaying every migration through the Prisma CLI, which cost about 2.5 s of CPU per
// database.
//
// The templates outlive the run, named by a hash of the migrations they hold: a run whose
// migrations an earlier run (of this checkout or another) already applied copies that template and
// starts no Prisma CLI at all. A changed or added migration changes the hash, so a run never
// copies a stale template. Each template is built under a temporary name and renamed when
// complete, so a run that finds one finds it whole.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomToken } from '@/lib/ids'
import { PROVIDERS, migrateDeploy } from '@/scripts/lib/prisma-cli.mjs'
import {
  POSTGRES_TEMPLATE_ENV,
  SQLITE_TEMPLATE_ENV,
  postgresServerUrl,
  retryWhileInUse,
  withPostgresAdmin,
} from './test-database'

export default async function setup(): Promise<void> {
  const hash = migrationsHash()
  const [sqliteTemplate, postgresTemplate] = await Promise.all([sqliteTemplateFor(hash), postgresTemplateFor(hash)])
  // The fork workers inherit this process's environment.
  process.env[SQLITE_TEMPLATE_ENV] = sqliteTemplate
  process.env[POSTGRES_TEMPLATE_ENV] = postgresTemplate
}

/** Both engines' migration folders, names and contents, as 16 hex digits. */
function migrationsHash(): string {
  const hash = createHash('sha256')
  for (const folder of [PROVIDERS.sqlite.migrations, PROVIDERS.postgres.migrations])
    for (const file of filesUnder(folder)) hash.update(path.relative(folder, file)).update(readFileSync(file))
  return hash.digest('hex').slice(0, 16)
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name)
      return entry.isDirectory() ? filesUnder(full) : [full]
    })
}

async function sqliteTemplateFor(hash: string): Promise<string> {
  const folder = path.join(tmpdir(), 'tollgate-test-templates')
  const template = path.join(folder, `${hash}.db`)
  if (existsSync(template)) return template
  mkdirSync(folder, { recursive: true })
  const building = path.join(folder, `${hash}.${randomToken(8)}.building.db`)
  try {
    await migrateDeploy(`file:${building}`)
    // Atomic: a concurrent run that built the same template replaces it with the same schema.
    renameSync(building, template)
  } finally {
    rmSync(building, { force: true })
  }
  return template
}

async function postgresTemplateFor(hash: string): Promise<string> {
  const template = `tollgate_template_${hash}`
  const server = postgresServerUrl()
  const exists = async () =>
    withPostgresAdmin(server, async (client) => {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])
      return found.rowCount === 1
    })
  if (await exists()) return template

  const building = `${template}_${randomToken(8)}`
  const buildingUrl = new URL(server)
  buildingUrl.pathname = `/${building}`
  await withPostgresAdmin(server, (client) => client.query(`CREATE DATABASE "${building}"`))
  try {
    await migrateDeploy(buildingUrl.toString())
    await withPostgresAdmin(server, (client) =>
      retryWhileInUse(() => client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`)),
    )
  } catch (error) {
    // Another run finished the same template first: use that one.
    if (!(await exists())) throw error
  } finally {
    await withPostgresAdmin(server, (client) => client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`))
  }
  return template
}
