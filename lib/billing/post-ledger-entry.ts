import { db, type Tx } from '@/lib/db'
import { conflict, invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import type { LedgerKind } from '@/generated/sqlite/enums'
import type { LedgerEntry } from '@/generated/sqlite/client'

export type PostLedgerEntryInput = {
  teamId: string
  kind: LedgerKind
  /** Signed micro-units: money in (TOP_UP, REFUND) is positive, money out (CHARGE) negative. */
  amountMicros: bigint
  idempotencyKey: string
  description?: string
  apiId?: string | null
  planId?: string | null
  invocationId?: string | null
}

export type PostLedgerEntryResult =
  { entry: LedgerEntry; replayed: false; balanceMicros: bigint } | { entry: LedgerEntry; replayed: true }

/**
 * Appends one ledger entry and moves the team's balance by the same amount, atomically, so the
 * balance always equals the sum of the entries. A repeated idempotency key returns the first entry
 * and writes nothing; a key reused for a different team, kind or amount is a 409.
 *
 * With `tx`, everything runs inside the caller's transaction. A concurrent insert of the same key
 * then surfaces as the unique-constraint error (P2002): PostgreSQL has already aborted the caller's
 * transaction at that point, so it cannot be recovered here. The caller retries its batch, and the
 * retry sees the committed entry as a replay.
 */
export async function postLedgerEntry(input: PostLedgerEntryInput, tx?: Tx): Promise<PostLedgerEntryResult> {
  assertSign(input.kind, input.amountMicros)
  if (!input.teamId || !input.idempotencyKey) throw invalid('teamId and idempotencyKey are required')
  if (tx) return writeEntry(tx, input)
  try {
    // maxWait: a burst of writers queues for a connection (PostgreSQL) or the write lock (SQLite).
    return await db.$transaction((client) => writeEntry(client, input), { maxWait: 10_000, timeout: 10_000 })
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error
    // A concurrent call with the same key committed between our lookup and our insert. The unique
    // index is the backstop; the winner's entry is the answer, and our transaction rolled back.
    const existing = await db.ledgerEntry.findUnique({ where: { idempotencyKey: input.idempotencyKey } })
    if (!existing) throw error
    return replay(existing, input)
  }
}

async function writeEntry(tx: Tx, input: PostLedgerEntryInput): Promise<PostLedgerEntryResult> {
  // Looked up by key alone, not by team: keys are globally unique, and a key already used by
  // another team must be refused rather than silently posted twice.
  const existing = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: input.idempotencyKey } })
  if (existing) return replay(existing, input)

  const { teamId, kind, amountMicros, idempotencyKey } = input
  const entry = await tx.ledgerEntry.create({
    data: {
      id: createId('led'),
      teamId,
      kind,
      amountMicros,
      idempotencyKey,
      description: input.description ?? '',
      apiId: input.apiId ?? null,
      planId: input.planId ?? null,
      invocationId: input.invocationId ?? null,
    },
  })
  // increment is a single UPDATE ... SET balance = balance + x, so concurrent writers with
  // different keys never lose each other's amounts; the upsert covers a team's first entry.
  const account = await tx.billingAccount.upsert({
    where: { teamId },
    create: { id: createId('bill'), teamId, balanceMicros: amountMicros },
    update: { balanceMicros: { increment: amountMicros } },
    select: { balanceMicros: true },
  })
  return { entry, replayed: false, balanceMicros: account.balanceMicros }
}

function replay(existing: LedgerEntry, input: PostLedgerEntryInput): PostLedgerEntryResult {
  const same =
    existing.teamId === input.teamId && existing.kind === input.kind && existing.amountMicros === input.amountMicros
  if (!same)
    throw conflict('This idempotency key was already used for a different ledger entry', 'idempotency_conflict')
  return { entry: existing, replayed: true }
}

function assertSign(kind: LedgerKind, amountMicros: bigint): void {
  const ok =
    typeof amountMicros === 'bigint' &&
    (kind === 'TOP_UP' || kind === 'REFUND'
      ? amountMicros > 0n
      : kind === 'CHARGE'
        ? amountMicros < 0n
        : kind === 'ADJUSTMENT'
          ? amountMicros !== 0n
          : false)
  if (!ok) throw invalid(`A ${kind} entry cannot have the amount ${String(amountMicros)}`, undefined, 'invalid_amount')
}
