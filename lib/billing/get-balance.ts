import type { TeamReadScope } from '@/lib/auth/actor'
import { databaseUrl, db, isPostgresUrl } from '@/lib/db'

/**
 * The team's stored balance next to the sum of its ledger entries. The two must be equal; a
 * difference means a write bypassed postLedgerEntry. A team without an account reads as 0.
 */
export async function getLedgerBalance({
  teamId,
}: TeamReadScope): Promise<{ accountBalanceMicros: bigint; ledgerSumMicros: bigint }> {
  // Both reads come from one snapshot, or a concurrent posting could land between them and show
  // a mismatch that never existed. PostgreSQL's default READ COMMITTED takes a snapshot per
  // statement, so ask for REPEATABLE READ; SQLite transactions are always serializable. An
  // interactive transaction, because the batch form silently ignored isolationLevel under the pg
  // adapter (SHOW transaction_isolation still said "read committed").
  // `Db` is typed from the SQLite client, which names only Serializable; PostgreSQL accepts both.
  const options = isPostgresUrl(databaseUrl()) ? { isolationLevel: 'RepeatableRead' as 'Serializable' } : undefined
  const [account, sum] = await db.$transaction(
    (tx) =>
      Promise.all([
        tx.billingAccount.findUnique({ where: { teamId }, select: { balanceMicros: true } }),
        tx.ledgerEntry.aggregate({ where: { teamId }, _sum: { amountMicros: true } }),
      ]),
    options,
  )
  return { accountBalanceMicros: account?.balanceMicros ?? 0n, ledgerSumMicros: sum._sum.amountMicros ?? 0n }
}
