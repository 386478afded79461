// Integration: the new-month sweep closes last month's budget and quota incidents, for every
// team, and nothing else. Its own database: the sweep spans all teams by design.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { resolveStaleMonthIncidents } from './resolve-stale-month-incidents'

const NOW = new Date('2026-12-01T00:05:00Z')
const LAST_MONTH = new Date('2026-11-30T23:59:59.999Z')
const THIS_MONTH = new Date('2026-12-01T00:00:00.000Z')
let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

test('resolves OPEN budget_exceeded and quota_exhausted incidents last seen before this UTC month, for all teams', async () => {
  const owner = (await createTestTeam()).team.id
  const consumers = [(await createTestTeam()).team.id, (await createTestTeam()).team.id]
  const make = (consumerTeamId: string, cause: string, lastSeenAt: Date, state: 'OPEN' | 'RESOLVED' = 'OPEN') =>
    db.paymentIncident
      .create({
        data: {
          id: createId('inc'),
          consumerTeamId,
          ownerTeamId: owner,
          apiId: 'api_x',
          cause: cause as never,
          state,
          firstSeenAt: new Date('2026-11-20T00:00:00Z'),
          lastSeenAt,
          ...(state === 'RESOLVED' ? { resolution: 'Resolved by hand: earlier' } : {}),
        },
      })
      .then((r) => r.id)
  const stale = [
    await make(consumers[0], 'budget_exceeded', LAST_MONTH),
    await make(consumers[1], 'quota_exhausted', new Date('2026-10-02T00:00:00Z')),
  ]
  const kept = {
    seenThisMonth: await make(consumers[0], 'quota_exhausted', THIS_MONTH),
    otherCause: await make(consumers[1], 'insufficient_balance', LAST_MONTH),
    upstream: await make(consumers[1], 'upstream_payment_required', LAST_MONTH),
    alreadyResolved: await make(consumers[0], 'budget_exceeded', LAST_MONTH, 'RESOLVED'),
  }
  const version = await readConfigVersion(db)

  expect(await resolveStaleMonthIncidents(db, NOW)).toBe(2)

  const rows = new Map((await db.paymentIncident.findMany()).map((r) => [r.id, r]))
  for (const id of stale) {
    expect(rows.get(id)).toMatchObject({
      state: 'RESOLVED',
      resolvedAt: NOW,
      resolvedById: null,
      resolution: 'Resolved automatically: the 2026-12 billing month started',
    })
  }
  expect(Object.values(kept).map((id) => rows.get(id)?.state)).toEqual(['OPEN', 'OPEN', 'OPEN', 'RESOLVED'])
  expect(rows.get(kept.alreadyResolved)?.resolution).toBe('Resolved by hand: earlier')
  expect(await readConfigVersion(db)).toBe(version + 1)

  // Idempotent: a second sweep finds nothing and does not wake the gateways.
  expect(await resolveStaleMonthIncidents(db, NOW)).toBe(0)
  expect(await readConfigVersion(db)).toBe(version + 1)
})
