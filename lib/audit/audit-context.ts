import { AsyncLocalStorage } from 'node:async_hooks'
import type { AuditOrigin } from '@/generated/sqlite/enums'
import { db, type Tx } from '@/lib/db'
import { writeAuditEntry, type AuditChange, type AuditSource } from './write-audit-entry'

// Who is changing things, for the length of one console action, management call or config apply.
// The transport (teamAction, managementRoute) opens it with `audited`; a domain function that knows
// exactly what it changed records that with `recordAuditChange(change, tx)` inside its own
// transaction. When nothing inside recorded, `audited` writes the one entry it can describe itself,
// so every mutation leaves exactly one trace without any route writing audit rows of its own.
// With `transaction`, the change runs in one transaction handed to it, and every entry (its own
// and the fallback) is written in that transaction: the mutation and its trace commit together.

type AuditState = { source: AuditSource; recorded: { count: number }; tx?: Tx }

// An audited transaction may check an outbound URL (a provider's base URL) before it writes.
const AUDITED_TRANSACTION_TIMEOUT_MS = 30_000

const storage = new AsyncLocalStorage<AuditState>()

/**
 * Runs `change` as one audited mutation. `describe` names it from its result when no domain
 * function recorded anything more precise; it returns null for a call that changed nothing.
 * With `transaction: true`, `change` gets the transaction and must pass it to every lib function
 * it calls (on SQLite a `db` call outside it would wait for it): if the audit entry cannot be
 * written, the mutation is rolled back, and a failed mutation leaves no entry.
 */
export async function audited<T>(
  source: AuditSource,
  describe: (result: T) => AuditChange | null,
  change: (tx?: Tx) => Promise<T>,
  { transaction = false }: { transaction?: boolean } = {},
): Promise<T> {
  const recorded = { count: 0 }
  const run = async (tx?: Tx) => {
    const result = await storage.run({ source, recorded, tx }, () => change(tx))
    if (recorded.count === 0) {
      const fallback = describe(result)
      if (fallback) await writeAuditEntry(tx ?? db, source, fallback)
    }
    return result
  }
  if (!transaction) return run()
  return db.$transaction((tx) => run(tx), { timeout: AUDITED_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 })
}

/** Runs `change` with this origin (a config apply inside a management call records as CONFIG). */
export function withAuditOrigin<T>(origin: AuditOrigin, change: () => Promise<T>): Promise<T> {
  const state = storage.getStore()
  if (!state) return change()
  return storage.run({ ...state, source: { ...state.source, origin } }, change)
}

/**
 * What a domain function changed, written in its transaction (else the audited call's own, when it
 * runs in one). Outside an audited call (the seed,
 * system jobs, tests of the domain itself) nobody is acting on a team's behalf, and nothing is
 * written.
 */
export async function recordAuditChange(change: AuditChange, tx?: Tx): Promise<void> {
  const state = storage.getStore()
  if (!state) return
  state.recorded.count++
  await writeAuditEntry(tx ?? state.tx ?? db, state.source, change)
}

/** Marks the call as fully described without an entry: it changed nothing (a no-op config apply). */
export function markAuditedWithoutChange(): void {
  const state = storage.getStore()
  if (state) state.recorded.count++
}
