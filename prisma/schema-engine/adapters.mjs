// Picks the driver adapter for a datasource and wraps it the way the wasm engine expects.
import { createRequire } from 'node:module'
import { providerOfUrl } from './datasource.mjs'
import { createPgFactory } from './pg-adapter.mjs'
import { createSqliteFactory } from './sqlite-adapter.mjs'

// driver-adapter-utils is what the adapters themselves are built on; resolve it from
// @prisma/adapter-pg so we get the exact copy (and version) the adapters use.
const requireFromAdapter = createRequire(createRequire(import.meta.url).resolve('@prisma/adapter-pg'))
const { bindMigrationAwareSqlAdapterFactory } = requireFromAdapter('@prisma/driver-adapter-utils')

/**
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 * @param {'sqlite' | 'postgres' | undefined} schemaProvider provider named in the schema, if any
 * @returns the raw factory (ours) and the bound one (what the wasm engine takes)
 */
export function createAdapterFactory(datasource, schemaProvider) {
  let url = datasource?.url
  if (!url) {
    // No datasource (e.g. `migrate diff --from-empty --to-schema` without a config URL). SQLite can
    // still work in memory; PostgreSQL cannot work without a server.
    if (schemaProvider === 'postgres') {
      throw new Error('A PostgreSQL datasource URL is required (set DATABASE_URL).')
    }
    url = 'file::memory:'
  }
  const provider = providerOfUrl(url)
  if (schemaProvider && schemaProvider !== provider) {
    throw new Error(
      `The schema's provider (${schemaProvider}) does not match the datasource URL (${provider}). ` +
        'Point DATABASE_URL at a database of the same kind as the schema.',
    )
  }
  const raw =
    provider === 'postgres'
      ? createPgFactory(url, datasource?.shadowDatabaseUrl)
      : createSqliteFactory(url, datasource?.shadowDatabaseUrl)
  return { provider, raw, bound: bindMigrationAwareSqlAdapterFactory(raw) }
}
