// node-postgres driver adapter, shaped for the wasm schema engine.
import { randomBytes } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { pgConfig } from './datasource.mjs'

const CHAR_OID = 18 // PostgreSQL's internal one-byte "char" (pg_class.relkind, pg_constraint.contype...)
const TEXT_OID = 25

/**
 * WHY: the engine's introspection queries read catalog columns of type "char". adapter-pg has no
 * mapping for that type and throws UnsupportedNativeDataType. Its values arrive as plain strings
 * anyway, so we relabel those columns as text before the adapter looks at them.
 */
function relabelCharAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID
  }
  return result
}

class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') [values, callback] = [undefined, values]
    if (typeof callback === 'function') {
      return super.query(config, values, (err, res) => callback(err, err ? res : relabelCharAsText(res)))
    }
    const ret = super.query(config, values)
    return ret && typeof ret.then === 'function' ? ret.then(relabelCharAsText) : ret
  }
}

function makeFactory(config, schema) {
  return new PrismaPg({ ...config, Client: CharAsTextClient }, schema ? { schema } : undefined)
}

/**
 * Runs `sql` on a maintenance connection to the same server. Tries the URL's own database first,
 * then `postgres` and `template1`, because the URL's database may be the one that does not exist.
 */
export async function withAdminClient(config, fn) {
  let lastError
  for (const database of [...new Set([config.database, 'postgres', 'template1'].filter(Boolean))]) {
    const client = new pg.Client({ ...config, database })
    try {
      await client.connect()
    } catch (error) {
      lastError = error
      await client.end().catch(() => {})
      continue
    }
    try {
      return await fn(client)
    } finally {
      await client.end().catch(() => {})
    }
  }
  throw lastError
}

export const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`

/** Shadow databases we created and have not dropped yet; dropped on exit as a last resort. */
export const pendingShadowDatabases = new Set()

export async function dropShadowDatabase(config, name) {
  await withAdminClient(config, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`))
  pendingShadowDatabases.delete(name)
}

/**
 * @param {string} url `postgresql://...`
 * @param {string | undefined} shadowDatabaseUrl optional; a throwaway database is made otherwise
 */
export function createPgFactory(url, shadowDatabaseUrl) {
  const { config, schema } = pgConfig(url)
  const base = makeFactory(config, schema)
  return {
    provider: 'postgres',
    adapterName: base.adapterName,
    pgConfig: config,
    schema,
    connect: () => base.connect(),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A shadow database configured by the user: use it as it is, never create or drop it.
        const shadow = pgConfig(shadowDatabaseUrl)
        return makeFactory(shadow.config, shadow.schema).connect()
      }
      // WHY our own: adapter-pg's connectToShadowDb (1) builds the shadow config from a
      // connection string, so it never reaches the new database, and (2) drops the database
      // before closing its pool, which fails because the pool is still connected.
      const name = `prisma_shadow_${Date.now()}_${randomBytes(4).toString('hex')}`
      await withAdminClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`))
      pendingShadowDatabases.add(name)
      const adapter = await makeFactory({ ...config, database: name }, schema).connect()
      const closePool = adapter.dispose.bind(adapter)
      adapter.dispose = async () => {
        await closePool() // close our connections first, or DROP DATABASE refuses
        await dropShadowDatabase(config, name)
      }
      return adapter
    },
  }
}
