import type BetterSqlite3 from 'better-sqlite3'
import type { SqlProgram, StatementResult } from './sql-program'

// The SQLite driver of a metering program: better-sqlite3, synchronous, every distinct statement
// prepared once and kept. Runs in the metering writer thread (sqlite-writer-thread.mjs).
// Storage formats match what Prisma's SQLite adapter writes (DateTime as
// "YYYY-MM-DDTHH:MM:SS.sss+00:00" text, BigInt as integer), so Prisma reads these rows as its own.

const sqliteParam = (p: unknown) =>
  p instanceof Date ? p.toISOString().replace('Z', '+00:00') : typeof p === 'boolean' ? (p ? 1 : 0) : p

export class SqliteProgramRunner {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(private readonly db: BetterSqlite3.Database) {}

  private prepared(sql: string, reads: boolean): BetterSqlite3.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      // Money columns are 64-bit: read them as BigInt, never as a float that could round.
      if (reads) statement.safeIntegers(true)
      this.statements.set(sql, statement)
    }
    return statement
  }

  run<T>(program: SqlProgram<T>): T {
    let step = program.next()
    while (!step.done) {
      const { sql, params, read } = step.value
      const statement = this.prepared(sql, read !== undefined)
      const args = params.map(sqliteParam)
      let result: StatementResult
      if (read === 'all') result = statement.all(...args) as Record<string, unknown>[]
      else if (read === 'one') result = statement.get(...args) as Record<string, unknown> | undefined
      else result = statement.run(...args).changes
      step = program.next(result)
    }
    return step.value
  }
}
