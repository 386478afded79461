import type { Prisma } from '@/generated/sqlite/client'
import { databaseUrl, isPostgresUrl, type Tx } from '@/lib/db'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import { INVOCATION_COLUMNS as CALL_COLUMNS } from '@/lib/metering/metering-program'

// Raw call rows inside a seed's own Prisma transaction. On SQLite, Prisma's createMany through
// the driver adapter measured ~2.6 ms per Invocation row here (the demo's 59k calls ≈ 2.5 min),
// one multi-row INSERT through $executeRawUnsafe ~0.18 ms. Values are written as Prisma writes
// them (DateTime as ISO 8601 with "+00:00", BigInt as INTEGER, Boolean as 0/1), so Prisma's own
// reads and comparisons keep working. PostgreSQL's createMany is already one multi-row INSERT.

/** The columns the gateway's metering program writes, and updatedAt. */
export const INVOCATION_COLUMNS = [...CALL_COLUMNS, 'updatedAt'] as const

export type SeedInvocation = InvocationRecord & { id: string }

// SQLite binds at most 32,766 parameters per statement.
const SQLITE_ROWS = Math.floor(32_000 / INVOCATION_COLUMNS.length)
const POSTGRES_ROWS = 1_000

// Prisma's better-sqlite3 adapter stores DateTime as toISOString() with "Z" spelled "+00:00".
export const sqliteTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

/** One call's values in INVOCATION_COLUMNS order, as the SQLite column types hold them. */
export function sqliteInvocationValues(c: SeedInvocation): unknown[] {
  const at = sqliteTime(c.createdAt)
  return INVOCATION_COLUMNS.map((column) => {
    if (column === 'createdAt' || column === 'updatedAt') return at
    if (column === 'usageEstimated') return c.usageEstimated ? 1 : 0
    if (column === 'attempts') return c.attempts ?? 1
    return c[column] ?? null
  })
}

/** The Invocation columns only: the record also carries billing hints the table has no column for. */
export function invocationRow(c: SeedInvocation): Prisma.InvocationCreateManyInput {
  return Object.fromEntries(
    INVOCATION_COLUMNS.map((column) => [
      column,
      column === 'createdAt' || column === 'updatedAt' ? new Date(c.createdAt) : (c[column] ?? undefined),
    ]),
  ) as unknown as Prisma.InvocationCreateManyInput
}

export async function insertInvocations(tx: Tx, calls: SeedInvocation[]): Promise<void> {
  if (isPostgresUrl(databaseUrl())) {
    for (let i = 0; i < calls.length; i += POSTGRES_ROWS)
      await tx.invocation.createMany({ data: calls.slice(i, i + POSTGRES_ROWS).map(invocationRow) })
    return
  }
  const columns = INVOCATION_COLUMNS.map((c) => `"${c}"`).join(', ')
  const row = `(${INVOCATION_COLUMNS.map(() => '?').join(', ')})`
  for (let i = 0; i < calls.length; i += SQLITE_ROWS) {
    const chunk = calls.slice(i, i + SQLITE_ROWS)
    await tx.$executeRawUnsafe(
      `INSERT INTO "Invocation" (${columns}) VALUES ${chunk.map(() => row).join(', ')}`,
      ...chunk.flatMap(sqliteInvocationValues),
    )
  }
}
