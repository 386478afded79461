// Turns the datasource URLs the Prisma CLI hands us into something the driver adapters accept.
import { createRequire } from 'node:module'
import path from 'node:path'

// pg-connection-string is pg's own URL parser; resolve it from pg so we use the copy pg uses.
const requireFromPg = createRequire(createRequire(import.meta.url).resolve('pg'))
const { parse: parsePgUrl } = requireFromPg('pg-connection-string')

/** @returns {'sqlite' | 'postgres'} */
export function providerOfUrl(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres'
  if (/^file:/i.test(url)) return 'sqlite'
  throw new Error(`Unsupported datasource URL (only file: and postgresql:// are handled): ${redact(url)}`)
}

/** The provider named in a Prisma schema's datasource block, if any. */
export function providerOfSchema(text) {
  const m = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/s.exec(text)
  if (!m) return undefined
  return m[1] === 'sqlite' ? 'sqlite' : m[1] === 'postgresql' || m[1] === 'postgres' ? 'postgres' : m[1]
}

/**
 * `file:./dev.db` → absolute path. Relative paths are taken from the current directory, which the
 * CLI sets to the directory of prisma.config.ts (our config passes absolute paths anyway).
 * Query parameters (e.g. `?connection_limit=1`) are dropped: better-sqlite3 has no use for them.
 */
export function sqlitePath(url) {
  const file = url.replace(/^file:/i, '').replace(/\?.*$/, '')
  if (file === ':memory:') return file
  return path.resolve(process.cwd(), file)
}

/**
 * A pg config with host, port, user, password and database as separate fields.
 * WHY separate fields: when pg gets a `connectionString`, the string wins over a `database` given
 * next to it, so a copy of the config pointed at another database (shadow, admin) would silently
 * still talk to the original one.
 * Prisma's own `?schema=` parameter is not a libpq option; it is returned apart. Its pool
 * parameters (`connection_limit`, `pool_timeout`) are not libpq options either; they are dropped.
 */
export function pgConfig(url) {
  const { schema, sslmode, connection_limit: _connectionLimit, pool_timeout: _poolTimeout, ...rest } = parsePgUrl(url)
  const config = {}
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== '') config[key] = value
  if (config.port) config.port = Number(config.port)
  if (sslmode === 'disable') config.ssl = false
  return { config, schema: schema || undefined }
}

/** Hides a password in a URL before it goes into a message. */
export function redact(url) {
  return String(url).replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')
}
