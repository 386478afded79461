// better-sqlite3 driver adapter, shaped for the wasm schema engine.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { sqlitePath } from './datasource.mjs'

const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] }

/**
 * WHY: when the engine replays a migration file (shadow database, `migrate diff
 * --from-migrations`), it sends the whole file as one raw query. better-sqlite3's `prepare()`
 * accepts exactly one statement ("The supplied SQL string contains more than one statement" /
 * "... contains no statements"), so a migration with several statements, or only comments (an
 * empty draft from `migrate dev --create-only`), fails. Such text is run with `exec()` (the
 * adapter's executeScript) instead. Queries with parameters are single statements and pass on.
 */
function runScriptsAsScripts(adapter) {
  const isScript = (query) => {
    if (query.args.length > 0) return false
    try {
      adapter.client.prepare(query.sql)
      return false
    } catch (error) {
      return error instanceof RangeError && /more than one statement|contains no statements/.test(error.message)
    }
  }
  const { queryRaw, executeRaw } = adapter
  adapter.queryRaw = async (query) => {
    if (!isScript(query)) return queryRaw.call(adapter, query)
    await adapter.executeScript(query.sql)
    return EMPTY_RESULT
  }
  adapter.executeRaw = async (query) => {
    if (!isScript(query)) return executeRaw.call(adapter, query)
    await adapter.executeScript(query.sql)
    return 0
  }
  return adapter
}

/**
 * @param {string} url `file:...`
 * @param {string | undefined} shadowDatabaseUrl optional; the shadow database is in memory otherwise
 */
export function createSqliteFactory(url, shadowDatabaseUrl) {
  const file = sqlitePath(url)
  const shadow = shadowDatabaseUrl ? sqlitePath(shadowDatabaseUrl) : ':memory:'
  const base = new PrismaBetterSqlite3({ url: file })
  const shadowBase = new PrismaBetterSqlite3({ url: shadow })
  return {
    provider: 'sqlite',
    adapterName: base.adapterName,
    file,
    async connect() {
      // Opening a file in a missing directory fails; create the directory the way the native
      // engine does when it creates the database.
      if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
      return runScriptsAsScripts(await base.connect())
    },
    async connectToShadowDb() {
      return runScriptsAsScripts(await shadowBase.connect())
    },
  }
}
