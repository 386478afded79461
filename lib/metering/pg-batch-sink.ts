import { createHash } from 'node:crypto'
import pg from 'pg'
import type { BatchSink, MeteredCall } from './batch-sink'
import { meteringProgram } from './metering-program'
import type { SqlProgram, StatementResult } from './sql-program'

// PostgreSQL's driver of the metering program: node-postgres on a connection of its own, every
// statement a named prepared statement (the multi-row inserts come in a few fixed shapes, so each
// is parsed and planned once per connection). Prisma's raw queries cost ~0.15 ms of CPU per row
// here; this costs a fraction of that. Async I/O: the event loop never waits on the database.

// Prisma's PostgreSQL columns are `timestamp(3)` without a time zone, holding UTC: send UTC text
// (node-postgres would send local time). Bigints as decimal text.
const pgParam = (p: unknown) =>
  p instanceof Date ? p.toISOString().slice(0, -1) : typeof p === 'bigint' ? p.toString() : p

const statementName = (sql: string) => 'm_' + createHash('sha1').update(sql).digest('hex').slice(0, 16)

export async function runOnPg<T>(client: pg.PoolClient, program: SqlProgram<T>): Promise<T> {
  let step = program.next()
  while (!step.done) {
    const { sql, params, read } = step.value
    let index = 0
    const text = sql.replace(/\?/g, () => `$${++index}`)
    const result = await client.query({ name: statementName(sql), text, values: params.map(pgParam) })
    let value: StatementResult
    if (read === 'all') value = result.rows as Record<string, unknown>[]
    else if (read === 'one') value = result.rows[0] as Record<string, unknown> | undefined
    else value = result.rowCount ?? 0
    step = program.next(value)
  }
  return step.value
}

export class PgBatchSink implements BatchSink {
  private readonly pool: pg.Pool

  constructor(databaseUrl: string) {
    // One connection: the writer has one batch in flight at a time.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
    this.pool.on('error', (error) => console.error('[metering] PostgreSQL connection error', error.message))
  }

  async write(calls: readonly MeteredCall[]): Promise<number> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    // A connection lost between two statements is an 'error' event on the checked-out client (the
    // pool listens only to idle ones): keep it, so the batch fails and retries instead of crashing.
    const onLost = (error: Error) => (broken = error)
    client.on('error', onLost)
    try {
      await client.query('BEGIN')
      const fresh = await runOnPg(client, meteringProgram(calls, 'postgres'))
      await client.query('COMMIT')
      return fresh.length
    } catch (error) {
      // A connection that cannot even roll back is dropped rather than reused.
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback))
      throw error
    } finally {
      client.off('error', onLost)
      client.release(broken)
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
