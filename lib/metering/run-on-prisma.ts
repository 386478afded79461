import type { Tx } from '../db'
import type { SqlDialect, SqlProgram, StatementResult } from './sql-program'

// The Prisma driver of a metering program (lib/metering/sql-program.ts): each statement through
// Prisma's raw queries, inside the caller's transaction. PostgreSQL's sink and the console's own
// writes of the same rows (notifications, incidents) run here.

/** The engine behind a Prisma client or transaction. */
export function dialectOf(client: Tx): SqlDialect {
  const provider = (client as unknown as { _activeProvider?: string })._activeProvider
  return provider === 'postgresql' ? 'postgres' : 'sqlite'
}

// Prisma's SQLite driver has no DateTime parameter type for raw SQL: send the text form Prisma
// stores. Booleans are integers there too.
const sqliteParam = (p: unknown) =>
  p instanceof Date ? p.toISOString().replace('Z', '+00:00') : typeof p === 'boolean' ? (p ? 1 : 0) : p

export async function runOnPrisma<T>(tx: Tx, program: SqlProgram<T>, dialect = dialectOf(tx)): Promise<T> {
  let step = program.next()
  while (!step.done) {
    const { sql, params, read } = step.value
    let index = 0
    const text = dialect === 'postgres' ? sql.replace(/\?/g, () => `$${++index}`) : sql
    const args = dialect === 'sqlite' ? params.map(sqliteParam) : params
    let result: StatementResult
    if (read === undefined) result = await tx.$executeRawUnsafe(text, ...args)
    else {
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args)
      result = read === 'all' ? rows : rows[0]
    }
    step = program.next(result)
  }
  return step.value
}
