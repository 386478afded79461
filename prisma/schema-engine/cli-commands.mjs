// The one-off commands: `schema-engine --datasource '{"url":...}' cli <command>`.
// WHY: the wasm engine has no equivalent of these, so they are done here with the driver adapter
// (or the driver itself where the adapter cannot help, e.g. CREATE DATABASE runs elsewhere).
//
// The CLI reads the outcome from the exit code and stderr: it skips stderr's first line and parses
// every other line as JSON, so stderr must carry exactly one free-text line, then JSON lines, and
// no trailing newline (an empty last line would not parse).
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { pgConfig, providerOfUrl, redact, sqlitePath } from './datasource.mjs'
import { logLine } from './log.mjs'
import { createAdapterFactory } from './adapters.mjs'
import { quoteIdent, withAdminClient } from './pg-adapter.mjs'

/** An error the CLI understands: a Prisma error code plus a message. */
export class EngineError extends Error {
  constructor(code, message) {
    super(message)
    this.code = code
  }
}

/** Maps a pg / adapter failure to the Prisma codes the CLI acts upon. */
export function pgErrorToEngineError(error, config) {
  const cause = error?.cause ?? error
  const code = cause?.originalCode ?? cause?.code
  const where = `${config.host ?? 'localhost'}:${config.port ?? 5432}`
  if (cause?.kind === 'DatabaseDoesNotExist' || code === '3D000') {
    return new EngineError(
      'P1003',
      `Database \`${config.database}\` does not exist on the database server at \`${where}\`.`,
    )
  }
  if (
    cause?.kind === 'DatabaseNotReachable' ||
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)
  ) {
    return new EngineError('P1001', `Can't reach database server at \`${where}\``)
  }
  if (cause?.kind === 'AuthenticationFailed' || code === '28P01' || code === '28000') {
    return new EngineError('P1000', `Authentication failed against database server at \`${where}\`.`)
  }
  return new EngineError(undefined, cause?.originalMessage ?? error?.message ?? String(error))
}

async function canConnect(url) {
  if (providerOfUrl(url) === 'sqlite') {
    const file = sqlitePath(url)
    if (file !== ':memory:' && !existsSync(file)) {
      throw new EngineError('P1003', `Database \`${path.basename(file)}\` does not exist at \`${file}\``)
    }
    return
  }
  const { raw } = createAdapterFactory({ url })
  let adapter
  try {
    adapter = await raw.connect()
    await adapter.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] })
  } catch (error) {
    throw pgErrorToEngineError(error, raw.pgConfig)
  } finally {
    await adapter?.dispose().catch(() => {})
  }
}

/** Creates the database named by `url`; returns its name. */
export async function createDatabase(url) {
  if (providerOfUrl(url) === 'sqlite') {
    // Opening the file through the adapter creates it (and our factory creates its directory).
    const { raw } = createAdapterFactory({ url })
    const adapter = await raw.connect()
    await adapter.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] })
    await adapter.dispose()
    return path.basename(raw.file)
  }
  const { config } = pgConfig(url)
  try {
    await withAdminClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(config.database)}`))
  } catch (error) {
    throw pgErrorToEngineError(error, config)
  }
  return config.database
}

async function dropDatabase(url) {
  if (providerOfUrl(url) === 'sqlite') {
    const file = sqlitePath(url)
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    return
  }
  const { config } = pgConfig(url)
  // Connect anywhere but the database being dropped.
  const admin = { ...config, database: config.database === 'postgres' ? 'template1' : 'postgres' }
  try {
    await withAdminClient(admin, (c) => c.query(`DROP DATABASE ${quoteIdent(config.database)}`))
  } catch (error) {
    throw pgErrorToEngineError(error, config)
  }
}

const COMMANDS = {
  'can-connect-to-database': canConnect,
  'create-database': createDatabase,
  'drop-database': dropDatabase,
}

/** Runs one command and returns the process exit code. */
export async function runCliCommand(command, datasource) {
  const lines = [`schema-engine (wasm shim) cli ${command}`]
  let exitCode = 0
  try {
    const run = COMMANDS[command]
    if (!run) throw new EngineError(undefined, `Unknown cli command: ${command}`)
    if (!datasource?.url) throw new EngineError(undefined, 'The cli commands need --datasource with a url.')
    const result = await run(datasource.url)
    if (result) process.stdout.write(`${result}\n`)
  } catch (error) {
    exitCode = 1
    const message = redact(error?.message ?? String(error))
    lines.push(logLine('ERROR', message, error instanceof EngineError && error.code ? { error_code: error.code } : {}))
  }
  process.stderr.write(lines.join('\n'))
  return exitCode
}
