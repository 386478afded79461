// Vitest's globalSetup: migrate one template database per engine, once per run. Each test file's
// setupTestDatabase() then copies the template (a file copy on SQLite, CREATE DATABASE … TEMPLATE
// on PostgreSQL) instead of replaying every migration through the Prisma CLI, which cost about
// 2.5 s of CPU per database.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomToken } from '@/lib/ids'
import { migrateDeploy } from '@/scripts/lib/prisma-cli.mjs'
import { POSTGRES_TEMPLATE_ENV, SQLITE_TEMPLATE_ENV, postgresServerUrl, withPostgresAdmin } from './test-database'

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-template-'))
  const sqliteTemplate = path.join(dir, 'template.db')
  const postgresTemplate = `tollgate_template_${randomToken(10)}`
  const server = postgresServerUrl()
  const templateUrl = new URL(server)
  templateUrl.pathname = `/${postgresTemplate}`

  await withPostgresAdmin(server, (client) => client.query(`CREATE DATABASE "${postgresTemplate}"`))
  await Promise.all([migrateDeploy(`file:${sqliteTemplate}`), migrateDeploy(templateUrl.toString())])
  // The fork workers inherit this process's environment.
  process.env[SQLITE_TEMPLATE_ENV] = sqliteTemplate
  process.env[POSTGRES_TEMPLATE_ENV] = postgresTemplate

  return async () => {
    rmSync(dir, { recursive: true, force: true })
    await withPostgresAdmin(server, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${postgresTemplate}" WITH (FORCE)`),
    )
  }
}
