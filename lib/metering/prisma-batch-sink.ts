import type { Db } from '../db'
import type { BatchSink, MeteredCall } from './batch-sink'
import { meteringProgram } from './metering-program'
import { runOnPrisma } from './run-on-prisma'
import type { SqlDialect } from './sql-program'

// The Prisma driver of the metering program, for a writer whose database URL is not known (the
// gateway uses the SQLite thread or node-postgres). It only executes meteringProgram.

export class PrismaBatchSink implements BatchSink {
  constructor(
    private readonly db: Db,
    private readonly dialect: SqlDialect,
  ) {}

  async write(calls: readonly MeteredCall[]): Promise<number> {
    const fresh = await this.db.$transaction(
      (tx) => runOnPrisma(tx, meteringProgram(calls, this.dialect), this.dialect),
      {
        timeout: 60_000,
        maxWait: 30_000,
      },
    )
    return fresh.length
  }

  async close(): Promise<void> {}
}
