import type { TestDatabase } from '../../testing/test-database'
import { testDatabaseProvider } from '../../testing/test-database'
import { createBatchSink } from '../invocation-writer'
import type { BatchSink } from '../batch-sink'
import { PrismaBatchSink } from '../prisma-batch-sink'

// The metering writer's sinks as the tests drive them: every sink the test engine has (SQLite: the
// writer thread and Prisma; PostgreSQL: node-postgres, as in production, and Prisma), and one that fails its first
// write, before touching the database or after committing, to prove a retry loses and doubles nothing.

export type SinkName = 'sqlite-thread' | 'pg' | 'prisma'

export const TEST_SINKS: readonly SinkName[] =
  testDatabaseProvider() === 'sqlite' ? ['sqlite-thread', 'prisma'] : ['pg', 'prisma']

export function testSink(testDb: TestDatabase, name: SinkName): BatchSink {
  return name === 'prisma' ? new PrismaBatchSink(testDb.db, testDb.provider) : createBatchSink(testDb.db, testDb.url)
}

/** Each sink with each way a first flush can fail. */
export const SINK_FAILURES = TEST_SINKS.flatMap((sink) =>
  (['before', 'after-commit'] as const).map((mode) => ({ sink, mode })),
)

/** A sink whose first write fails: before touching the database, or after committing. */
export function flakySink(inner: BatchSink, mode: 'before' | 'after-commit'): BatchSink {
  let failures = 0
  return {
    async write(batch) {
      if (failures++ > 0) return inner.write(batch)
      if (mode === 'before') throw new Error('database is locked (simulated)')
      await inner.write(batch)
      throw new Error('connection lost before the acknowledgement (simulated)')
    },
    close: () => inner.close(),
  }
}
