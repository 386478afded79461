import { AsyncLocalStorage } from 'node:async_hooks'
import type { AuditOrigin } from '@/generated/sqlite/enums'
import { db, type Tx } from '@/lib/db'
import { writeAuditEntry, type AuditChange, type AuditSource } from './write-audit-entry'

// Who is changing things, for the length of one console action, management call or config apply.
// The transport (teamAction, managementRoute) opens it with `audited`; a domain function that knows
// exactly what it changed records that with `recordAuditChange(change, tx)` inside its own
// transaction. When nothing inside recorded, `audited` writes the one entry it can describe itself,
// so every mutation leaves exactly one trace without any route writing audit rows of its own.

type AuditState = { source: AuditSource; recorded: { count: number } }

const storage = new AsyncLocalStorage<AuditState>()

/**
 * Runs `change` as one audited mutation. `describe` names it from its result when no domain
 * function recorded anything more precise; it returns null for a call that changed nothing.
 */
export async function audited<T>(
  source: AuditSource,
  describe: (result: T) => AuditChange | null,
  change: () => Promise<T>,
): Promise<T> {
  const state: AuditState = { source, recorded: { count: 0 } }
  const result = await storage.run(state, change)
  if (state.recorded.count === 0) {
    const fallback = describe(result)
    if (fallback) await writeAuditEntry(db, source, fallback)
  }
  return result
}

/** Runs `change` with this origin (a config apply inside a management call records as CONFIG). */
export function withAuditOrigin<T>(origin: AuditOrigin, change: () => Promise<T>): Promise<T> {
  const state = storage.getStore()
  if (!state) return change()
  return storage.run({ source: { ...state.source, origin }, recorded: state.recorded }, change)
}

/**
 * What a domain function changed, written in its transaction. Outside an audited call (the seed,
 * system jobs, tests of the domain itself) nobody is acting on a team's behalf, and nothing is
 * written.
 */
export async function recordAuditChange(change: AuditChange, tx?: Tx): Promise<void> {
  const state = storage.getStore()
  if (!state) return
  state.recorded.count++
  await writeAuditEntry(tx ?? db, state.source, change)
}

/** Marks the call as fully described without an entry: it changed nothing (a no-op config apply). */
export function markAuditedWithoutChange(): void {
  const state = storage.getStore()
  if (state) state.recorded.count++
}
