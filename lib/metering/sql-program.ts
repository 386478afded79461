// A metering program is a generator of SQL statements: each `yield` hands one statement to a driver
// and receives its result. The same typed program runs on both engines:
//   - the SQLite writer thread drives it synchronously with prepared better-sqlite3 statements;
//   - Prisma drives it with awaits inside `$transaction` (PostgreSQL, and the console's own writes).
// Placeholders are `?`; the Prisma driver numbers them for PostgreSQL.

export type SqlDialect = 'sqlite' | 'postgres'

/** `read`: 'one' receives the first row (or undefined), 'all' every row; otherwise rows changed. */
export type Statement = { sql: string; params: unknown[]; read?: 'one' | 'all' }

export type SqlRow = Record<string, unknown>

/** What a statement yields back: rows changed, one row, or every row, by the statement's `read`. */
export type StatementResult = number | SqlRow | SqlRow[] | undefined

export type SqlProgram<T = void> = Generator<Statement, T, StatementResult>

/** One row read by a 'one' statement. */
export function* readOne(sql: string, params: unknown[]): SqlProgram<SqlRow | undefined> {
  return (yield { sql, params, read: 'one' }) as SqlRow | undefined
}

/** Every row read by an 'all' statement (also INSERT … RETURNING). */
export function* readAll(sql: string, params: unknown[]): SqlProgram<SqlRow[]> {
  return (yield { sql, params, read: 'all' }) as SqlRow[]
}

/** Runs a write; returns the rows it changed. */
export function* execute(sql: string, params: unknown[]): SqlProgram<number> {
  return (yield { sql, params }) as number
}

/** "(?, ?, ?), (?, ?, ?)": the VALUES list of a multi-row insert. */
export function valuesList(rows: number, columns: number, row = `(${Array(columns).fill('?').join(', ')})`): string {
  return Array(rows).fill(row).join(', ')
}

/**
 * Splits n rows into chunks of 256, 64, 16, 4 and 1, largest first: a multi-row statement comes in
 * at most five shapes, so SQLite prepares each once and reuses it, whatever the batch size.
 */
export function chunkSizes(n: number): number[] {
  const sizes: number[] = []
  for (const size of [256, 64, 16, 4, 1]) {
    while (n >= size) {
      sizes.push(size)
      n -= size
    }
  }
  return sizes
}
