// One wasm schema engine plus its driver adapter, with the fixes the wasm build needs to behave
// like the native binary the Prisma CLI was written against.
import { readFileSync } from 'node:fs'
import { createAdapterFactory } from './adapters.mjs'
import { providerOfSchema } from './datasource.mjs'
import { forwardEngineLog } from './log.mjs'
import { pendingShadowDatabases, dropShadowDatabase } from './pg-adapter.mjs'
import { loadSchemaEngineWasm } from './wasm.mjs'
import { createDatabase } from './cli-commands.mjs'

const NO_FILTER = { externalTables: [], externalEnums: [] }

export class EngineSession {
  /** @param {{ datamodelPaths: string[], datasource?: { url?: string, shadowDatabaseUrl?: string } }} options */
  static async open({ datamodelPaths, datasource }) {
    const datamodels = datamodelPaths.map((file) => [file, readFileSync(file, 'utf8')])
    const schemaProvider = datamodels.map(([, text]) => providerOfSchema(text)).find(Boolean)
    const adapter = createAdapterFactory(datasource, schemaProvider)
    // Keep the connection the engine opens: SQLite reset needs it (see dropSqliteSchema).
    const connect = adapter.raw.connect.bind(adapter.raw)
    const session = new EngineSession(adapter, datasource)
    adapter.raw.connect = async () => (session.mainConnection = await connect())
    const { SchemaEngine } = await loadSchemaEngineWasm()
    // WHY `undefined`: the wasm engine panics on an empty list of datamodels (the CLI sends none
    // for e.g. `migrate diff --from-empty`); undefined means "no schema" to it.
    session.engine = await SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      forwardEngineLog,
      adapter.bound,
    )
    return session
  }

  constructor(adapter, datasource) {
    this.adapter = adapter
    this.datasource = datasource
    this.engine = null
    this.mainConnection = null
    this.warmedFor = undefined
  }

  /**
   * Runs one JSON-RPC method. `print(text)` sends text to the CLI's stdout.
   * @returns the JSON-RPC result
   */
  async call(method, params, { print }) {
    switch (method) {
      case 'getDatabaseVersion':
        return this.engine.version(params ?? undefined)
      case 'createDatabase': // `migrate dev`/`db push` may ask for it over RPC too
        return { databaseName: await this.createDatabase(params) }
      case 'diff': {
        // WHY: the native engine prints the diff itself through a `print` request to the CLI and
        // returns stdout: null; the wasm engine returns the text. The CLI only honours --script,
        // -o/--output and --exit-code for text that arrives as a `print`.
        const result = await this.engine.diff(params)
        if (result.stdout) await print(result.stdout.replace(/\n$/, ''))
        return { ...result, stdout: null }
      }
      case 'reset':
        return this.reset(params)
      case 'evaluateDataLoss': // both steps of `migrate dev`
      case 'createMigration':
        await this.warmMigrationSchemaCache(params)
        return this.callWithMigrationsTable(method, params)
      default:
        return this.callWithMigrationsTable(method, params)
    }
  }

  /**
   * WHY: on a database that has never been migrated, several wasm engine methods fail with P1014
   * ("the underlying table for model `_prisma_migrations` does not exist") where the native engine
   * just reports that there is no history. Applying an empty list of migrations creates the table;
   * then the call is retried once.
   */
  async callWithMigrationsTable(method, params) {
    const fn = this.engine[method]
    if (typeof fn !== 'function' || method.startsWith('__') || method === 'free') {
      throw Object.assign(new Error(`The wasm schema engine does not implement "${method}".`), { rpcCode: -32601 })
    }
    try {
      return await fn.call(this.engine, params)
    } catch (error) {
      if (error?.code !== 'P1014' || method === 'applyMigrations') throw error
      await this.engine.applyMigrations({
        migrationsList: {
          baseDir: params?.migrationsList?.baseDir ?? process.cwd(),
          lockfile: { path: 'migration_lock.toml', content: null },
          shadowDbInitScript: '',
          migrationDirectories: [],
        },
        filters: params?.filters ?? NO_FILTER,
      })
      return fn.call(this.engine, params)
    }
  }

  /**
   * WHY: in the wasm build, evaluateDataLoss and createMigration are not given the adapter factory,
   * so on a cache miss they fail with "SQLite/PostgreSQL shadow DB must be provided through an
   * external factory". They read the schema of the migration history from a cache that
   * diagnoseMigrationHistory (which does get the factory) fills, so we call that first.
   */
  async warmMigrationSchemaCache(params) {
    const migrationsList = params?.migrationsList
    if (!migrationsList) return
    const key = JSON.stringify(migrationsList.migrationDirectories)
    if (this.warmedFor === key) return
    await this.callWithMigrationsTable('diagnoseMigrationHistory', {
      migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters ?? NO_FILTER,
    })
    this.warmedFor = key
  }

  async reset(params) {
    await this.engine.reset(params)
    // WHY: for SQLite the wasm engine's reset only deletes rows; the native engine deletes the
    // file. Leaving the tables makes the next `migrate deploy` fail with "table already exists".
    if (this.adapter.provider === 'sqlite') this.dropSqliteSchema(params?.filter ?? NO_FILTER)
    return null
  }

  /**
   * Drops every table, view, index and trigger on the engine's own connection. It has to be that
   * connection: the engine holds SQLite's database lock in EXCLUSIVE mode, so another connection
   * to the same file would get SQLITE_BUSY.
   */
  dropSqliteSchema(filter) {
    const db = this.mainConnection?.client
    if (!db) return // the engine never connected, so there is nothing to drop
    const keep = new Set(filter.externalTables ?? [])
    const objects = db
      .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('view', 'table')")
      .all()
      .filter((o) => !keep.has(o.name))
    const quote = (name) => `"${String(name).replace(/"/g, '""')}"`
    db.exec('PRAGMA foreign_keys = OFF')
    try {
      // Views first: a view may refer to a table. Indexes and triggers go with their tables.
      for (const o of objects.filter((o) => o.type === 'view')) db.exec(`DROP VIEW IF EXISTS ${quote(o.name)}`)
      for (const o of objects.filter((o) => o.type === 'table')) db.exec(`DROP TABLE IF EXISTS ${quote(o.name)}`)
    } finally {
      db.exec('PRAGMA foreign_keys = ON')
    }
    db.exec('VACUUM')
  }

  async createDatabase(params) {
    const d = params?.datasource
    const url = d?.tag === 'ConnectionString' && d.url ? d.url : this.datasource?.url
    if (!url) throw new Error('createDatabase needs a datasource URL.')
    return createDatabase(url)
  }

  /** Closes connections and drops any shadow database a failed command left behind. */
  async close() {
    try {
      await this.mainConnection?.dispose()
    } catch {}
    if (this.adapter.provider === 'postgres') {
      for (const name of [...pendingShadowDatabases]) {
        await dropShadowDatabase(this.adapter.raw.pgConfig, name).catch(() => {})
      }
    }
  }
}
