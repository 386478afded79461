import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { withIdempotency } from './idempotency'
import { pruneIdempotencyRecords } from './prune-idempotency-records'

let cleanup: () => Promise<void>
let team: TestTeam

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  team = await createTestTeam()
})
afterAll(async () => cleanup?.())

const owner = () => ({ teamId: team.id, tokenId: 'mtk_test' })

test('a change that fails with a 5xx leaves no record, so the retry runs it', async () => {
  let runs = 0
  const request = { key: 'flaky', fingerprint: 'POST /x\n{}' }
  await expect(
    withIdempotency(owner(), request, async () => {
      runs++
      throw new Error('database went away')
    }),
  ).rejects.toThrow('database went away')
  const answer = await withIdempotency(owner(), request, async () => {
    runs++
    return { status: 201, body: '{"id":"x"}' }
  })
  expect([runs, answer.replayed, answer.status]).toEqual([2, false, 201])
})

test('after 24 hours a key is free again, and the pruner removes old answers', async () => {
  const request = { key: 'old', fingerprint: 'POST /y\n{}' }
  await withIdempotency(owner(), request, async () => ({ status: 201, body: '{}' }))
  await db.idempotencyRecord.updateMany({
    where: { teamId: team.id, key: 'old' },
    data: { expiresAt: new Date(Date.now() - 1000) },
  })
  const again = await withIdempotency(owner(), request, async () => ({ status: 201, body: '{"second":true}' }))
  expect([again.replayed, again.body]).toEqual([false, '{"second":true}'])
  await db.idempotencyRecord.updateMany({
    where: { teamId: team.id, key: 'old' },
    data: { expiresAt: new Date(Date.now() - 1000) },
  })
  expect(await pruneIdempotencyRecords(db)).toBeGreaterThanOrEqual(1)
  expect(await db.idempotencyRecord.count({ where: { teamId: team.id, key: 'old' } })).toBe(0)
})

test.each([
  ['an empty key', ''],
  ['a key with spaces', 'a b'],
  ['a 256-character key', 'k'.repeat(256)],
])('%s is refused with 400', async (_label, key) => {
  await expect(
    withIdempotency(owner(), { key, fingerprint: 'x' }, async () => ({ status: 200, body: '' })),
  ).rejects.toMatchObject({ status: 400, code: 'invalid_idempotency_key' })
})
