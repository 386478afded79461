// Integration: the ledger against a real database. The balance always equals the sum of entries.
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { LedgerKind } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { getLedgerBalance } from './get-balance'
import { postLedgerEntry } from './post-ledger-entry'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

/** What a team's books look like from outside: the stored balance and every entry. */
async function books(teamId: string) {
  const account = await db.billingAccount.findUnique({ where: { teamId } })
  const entries = await db.ledgerEntry.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } })
  return { balance: account?.balanceMicros ?? null, entries }
}

const amount = (min: bigint, max: bigint) => fc.bigInt({ min, max })
const postArb = fc.record({
  type: fc.constant('post' as const),
  team: fc.constantFrom(0, 1),
  entry: fc.oneof(
    fc.record({ kind: fc.constant<LedgerKind>('TOP_UP'), amountMicros: amount(1n, 10n ** 12n) }),
    fc.record({ kind: fc.constant<LedgerKind>('CHARGE'), amountMicros: amount(-(10n ** 12n), -1n) }),
    fc.record({ kind: fc.constant<LedgerKind>('REFUND'), amountMicros: amount(1n, 10n ** 9n) }),
    fc.record({
      kind: fc.constant<LedgerKind>('ADJUSTMENT'),
      amountMicros: fc.oneof(amount(-(10n ** 9n), -1n), amount(1n, 10n ** 9n)),
    }),
  ),
})
// A replay re-sends an earlier post unchanged, as a retrying client or a re-flushed batch would.
const replayArb = fc.record({ type: fc.constant('replay' as const), index: fc.nat() })
const commandsArb = fc.array(fc.oneof({ arbitrary: postArb, weight: 3 }, { arbitrary: replayArb, weight: 1 }), {
  minLength: 1,
  maxLength: 15,
})

test('property: after any sequence with replays, each balance equals the sum of its entries', async () => {
  await fc.assert(
    fc.asyncProperty(commandsArb, async (commands) => {
      // Fresh teams per run: the first post also exercises creating the billing account.
      const teams = [(await createTestTeam()).team.id, (await createTestTeam()).team.id]
      const expected = [0n, 0n]
      const expectedCount = [0, 0]
      const posted: { input: Parameters<typeof postLedgerEntry>[0]; entryId: string }[] = []

      for (const command of commands) {
        if (command.type === 'post') {
          const input = { teamId: teams[command.team], ...command.entry, idempotencyKey: createId('idem') }
          const result = await postLedgerEntry(input)
          expect(result.replayed).toBe(false)
          expected[command.team] += command.entry.amountMicros
          expectedCount[command.team] += 1
          if (!result.replayed) expect(result.balanceMicros).toBe(expected[command.team])
          posted.push({ input, entryId: result.entry.id })
        } else if (posted.length > 0) {
          const earlier = posted[command.index % posted.length]
          const result = await postLedgerEntry(earlier.input)
          expect(result).toMatchObject({ replayed: true, entry: { id: earlier.entryId } })
        }
      }

      for (const [i, teamId] of teams.entries()) {
        const { balance, entries } = await books(teamId)
        // Replays changed nothing: exactly the first posts are there, and the balance is their sum.
        expect(entries).toHaveLength(expectedCount[i])
        expect(balance ?? 0n).toBe(expected[i])
        expect(entries.reduce((sum, e) => sum + e.amountMicros, 0n)).toBe(expected[i])
        expect(await getLedgerBalance({ teamId })).toEqual({
          accountBalanceMicros: expected[i],
          ledgerSumMicros: expected[i],
        })
      }
    }),
    { numRuns: 25 },
  )
})

test('reusing a key for a different amount, kind or team is a 409 and writes nothing', async () => {
  const team = (await createTestTeam()).team.id
  const other = (await createTestTeam()).team.id
  const idempotencyKey = createId('idem')
  const first = await postLedgerEntry({
    teamId: team,
    kind: 'TOP_UP',
    amountMicros: 5_000_000n,
    idempotencyKey,
    description: 'Top-up',
  })
  expect(first).toMatchObject({
    replayed: false,
    balanceMicros: 5_000_000n,
    entry: { kind: 'TOP_UP', amountMicros: 5_000_000n, description: 'Top-up' },
  })
  const before = await books(team)

  for (const clash of [
    { teamId: team, kind: 'TOP_UP' as const, amountMicros: 6_000_000n },
    { teamId: team, kind: 'ADJUSTMENT' as const, amountMicros: 5_000_000n },
    { teamId: other, kind: 'TOP_UP' as const, amountMicros: 5_000_000n },
  ]) {
    expect(await rejection(() => postLedgerEntry({ ...clash, idempotencyKey }))).toMatchObject({
      status: 409,
      code: 'idempotency_conflict',
    })
  }
  expect(await books(team)).toEqual(before)
  expect(await books(other)).toEqual({ balance: null, entries: [] })
  // The genuine retry still succeeds as a replay.
  expect(await postLedgerEntry({ teamId: team, kind: 'TOP_UP', amountMicros: 5_000_000n, idempotencyKey })).toEqual({
    entry: first.entry,
    replayed: true,
  })
})

test.each([
  { kind: 'TOP_UP', amountMicros: 0n },
  { kind: 'TOP_UP', amountMicros: -1n },
  { kind: 'CHARGE', amountMicros: 0n },
  { kind: 'CHARGE', amountMicros: 1n },
  { kind: 'REFUND', amountMicros: 0n },
  { kind: 'REFUND', amountMicros: -5n },
  { kind: 'ADJUSTMENT', amountMicros: 0n },
] as const)('a $kind of $amountMicros micros is a 422 and writes nothing', async ({ kind, amountMicros }) => {
  const team = (await createTestTeam()).team.id
  const error = await rejection(() =>
    postLedgerEntry({ teamId: team, kind, amountMicros, idempotencyKey: createId('idem') }),
  )
  expect(error).toMatchObject({ status: 422, code: 'invalid_amount' })
  expect(await books(team)).toEqual({ balance: null, entries: [] })
})

test('20 concurrent posts with one key write one entry and move the balance once', async () => {
  const team = (await createTestTeam()).team.id
  const idempotencyKey = createId('idem')
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      postLedgerEntry({ teamId: team, kind: 'CHARGE', amountMicros: -1_234n, idempotencyKey }),
    ),
  )
  expect(results.filter((r) => !r.replayed)).toHaveLength(1)
  expect(new Set(results.map((r) => r.entry.id)).size).toBe(1)
  const { balance, entries } = await books(team)
  expect(entries).toHaveLength(1)
  expect(balance).toBe(-1_234n)
})

test('20 concurrent posts with different keys lose no amount', async () => {
  const team = (await createTestTeam()).team.id
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      postLedgerEntry({ teamId: team, kind: 'TOP_UP', amountMicros: BigInt(i + 1), idempotencyKey: createId('idem') }),
    ),
  )
  // 1 + 2 + ... + 20 = 210
  expect(await getLedgerBalance({ teamId: team })).toEqual({ accountBalanceMicros: 210n, ledgerSumMicros: 210n })
})

test("inside a caller's transaction, a rollback takes the entries and the balance with it", async () => {
  const team = (await createTestTeam()).team.id
  await postLedgerEntry({ teamId: team, kind: 'TOP_UP', amountMicros: 100n, idempotencyKey: createId('idem') })
  const failure = await rejection(() =>
    db.$transaction(async (tx) => {
      const inside = await postLedgerEntry(
        { teamId: team, kind: 'CHARGE', amountMicros: -30n, idempotencyKey: createId('idem') },
        tx,
      )
      expect(inside).toMatchObject({ replayed: false, balanceMicros: 70n })
      await postLedgerEntry({ teamId: team, kind: 'CHARGE', amountMicros: -5n, idempotencyKey: createId('idem') }, tx)
      throw new Error('batch failed')
    }),
  )
  expect(failure.message).toBe('batch failed')
  const { balance, entries } = await books(team)
  expect(entries.map((e) => e.amountMicros)).toEqual([100n])
  expect(balance).toBe(100n)
})
