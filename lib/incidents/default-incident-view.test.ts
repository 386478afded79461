// The incidents page's first view and its list window, against a real database: an API owner
// opens on the owner side unless its own calls are blocked right now, and the list holds what the
// tiles count (episodes in the window, and every open one).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { resolveDashboardWindow } from '@/lib/analytics/dashboard-window'
import { defaultIncidentView } from './default-incident-view'
import { getIncidentViews } from './get-incident-views'
import { listIncidents } from './list-incidents'

const NOW = new Date()
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000)
let cleanup: () => Promise<void>
let owner = ''
let consumer = ''
let apiId = ''

/** An episode of `consumerTeamId`'s calls to our Weather API, or (`theirs`) of ours to another team's. */
async function incident(
  consumerTeamId: string,
  state: 'OPEN' | 'RESOLVED',
  lastSeenHoursAgo: number,
  theirs?: { ownerTeamId: string },
) {
  return (
    await db.paymentIncident.create({
      data: {
        id: createId('inc'),
        consumerTeamId,
        ownerTeamId: theirs?.ownerTeamId ?? owner,
        apiId: theirs ? 'api_elsewhere' : apiId,
        cause: 'insufficient_balance',
        state,
        firstSeenAt: hoursAgo(lastSeenHoursAgo + 1),
        lastSeenAt: hoursAgo(lastSeenHoursAgo),
        blockedCalls: 2,
        blockedRevenueMicros: 4_000n,
      },
    })
  ).id
}

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  owner = (await createTestTeam({ label: 'owner' })).team.id
  consumer = (await createTestTeam({ label: 'consumer' })).team.id
  apiId = (await db.api.create({ data: { id: createId('api'), teamId: owner, slug: 'weather', name: 'Weather' } })).id
  // The owner also calls another team's API (it has both sides), with no blocked calls right now.
  await incident(owner, 'RESOLVED', 99, { ownerTeamId: consumer })
})
afterAll(async () => cleanup?.())

test('an API owner with both sides opens on the owner view; blocked calls of its own come first', async () => {
  const views = await getIncidentViews({ teamId: owner })
  expect(views).toEqual(['consumer', 'owner'])
  expect(await defaultIncidentView({ teamId: owner }, views)).toBe('owner')
  const blocked = await incident(owner, 'OPEN', 1, { ownerTeamId: consumer })
  expect(await defaultIncidentView({ teamId: owner }, views)).toBe('consumer')
  await db.paymentIncident.delete({ where: { id: blocked } })
  // One side only: that side.
  expect(await defaultIncidentView({ teamId: consumer }, ['consumer'])).toBe('consumer')
  expect(await defaultIncidentView({ teamId: consumer }, [])).toBe('consumer')
})

test("the list shares the tiles' window: episodes active in it and every open one", async () => {
  const recent = await incident(consumer, 'RESOLVED', 2)
  const oldOpen = await incident(consumer, 'OPEN', 60)
  const oldResolved = await incident(consumer, 'RESOLVED', 60)
  const window = resolveDashboardWindow('24h', NOW)
  const list = await listIncidents({ teamId: owner }, { view: 'owner', window })
  const ids = list.items.map((i) => i.id)
  expect(ids).toEqual(expect.arrayContaining([recent, oldOpen]))
  expect(ids).not.toContain(oldResolved)
  expect(list.total).toBe(2)
  // Without a window (the management API): every episode.
  expect((await listIncidents({ teamId: owner }, { view: 'owner' })).total).toBe(3)
  // Narrowed to another API: none of them.
  expect(
    (await listIncidents({ teamId: owner }, { view: 'owner', window, narrow: { apiId: 'api_other' } })).total,
  ).toBe(0)
})
