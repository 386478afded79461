// Integration: the incidents table, the detail lookup and manual resolution against a real
// database. Team A owns Weather, C owns Maps; B and D consume; each side sees only its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { getIncident } from './get-incident'
import { getIncidentViews } from './get-incident-views'
import { listIncidents } from './list-incidents'
import { resolveIncident } from './resolve-incident'
import { parseListIncidentsQuery, resolveIncidentSchema } from './schemas'

const NOW = new Date('2026-11-24T15:00:00Z')
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000)
let database: TestDatabase
type SeededTeam = { id: string; slug: string; user: string; scope: TeamScope }
const team = {} as Record<'a' | 'b' | 'c' | 'd', SeededTeam>
const inc = { i1: '', i2: '', i3: '', i4: '' }
let weather = ''

async function incident(
  consumer: string,
  owner: string,
  apiId: string,
  cause: string,
  state: 'OPEN' | 'RESOLVED',
  lastSeenMinutesAgo: number,
  blockedCalls = 3,
) {
  const row = await db.paymentIncident.create({
    data: {
      id: createId('inc'),
      consumerTeamId: consumer,
      ownerTeamId: owner,
      apiId,
      cause: cause as never,
      state,
      firstSeenAt: ago(lastSeenMinutesAgo + 30),
      lastSeenAt: ago(lastSeenMinutesAgo),
      blockedCalls,
      blockedRevenueMicros: BigInt(blockedCalls) * 2_000n,
      ...(state === 'RESOLVED' ? { resolvedAt: ago(1), resolution: 'Resolved automatically: top-up of 5.00 USD' } : {}),
    },
  })
  return row.id
}

beforeAll(async () => {
  database = await setupTestDatabase()
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    const created = await createTestTeam()
    team[key] = { id: created.team.id, slug: created.team.slug, user: created.user.id, scope: created.scope }
  }
  weather = (
    await db.api.create({ data: { id: createId('api'), teamId: team.a.id, slug: 'weather', name: 'Weather' } })
  ).id
  const maps = (await db.api.create({ data: { id: createId('api'), teamId: team.c.id, slug: 'maps', name: 'Maps' } }))
    .id
  inc.i1 = await incident(team.b.id, team.a.id, weather, 'insufficient_balance', 'OPEN', 60)
  inc.i2 = await incident(team.b.id, team.a.id, weather, 'budget_exceeded', 'RESOLVED', 10)
  inc.i3 = await incident(team.d.id, team.a.id, weather, 'quota_exhausted', 'OPEN', 120)
  inc.i4 = await incident(team.b.id, team.c.id, maps, 'payment_method_failed', 'OPEN', 5)
})
afterAll(() => database?.cleanup())

const ids = async (teamId: string, view: 'owner' | 'consumer', params: Record<string, string> = {}) => {
  const list = await listIncidents({ teamId }, { view, ...parseListIncidentsQuery(params) })
  return list.items.map((i) => i.id)
}

describe('listIncidents', () => {
  test('open first, then the most recently seen, each side scoped to the team', async () => {
    expect(await ids(team.b.id, 'consumer')).toEqual([inc.i4, inc.i1, inc.i2])
    expect(await ids(team.a.id, 'owner')).toEqual([inc.i1, inc.i3, inc.i2])
    expect(await ids(team.a.id, 'consumer')).toEqual([])
    expect(await ids(team.c.id, 'owner')).toEqual([inc.i4])
    expect(await ids(team.c.id, 'consumer')).toEqual([])
  })

  test('rows carry the API, both teams, the cause, counts and money', async () => {
    const list = await listIncidents({ teamId: team.a.id }, { view: 'owner', page: 1 })
    expect(list.items[1]).toMatchObject({
      id: inc.i3,
      cause: 'quota_exhausted',
      state: 'OPEN',
      blockedCalls: 3,
      blockedRevenueMicros: 6_000n,
      api: { name: 'Weather', slug: 'weather' },
      ownerTeam: { slug: team.a.slug },
      consumerTeam: { slug: team.d.slug },
    })
  })

  test.each<[string, 'owner' | 'consumer', Record<string, string>, () => string[]]>([
    ['cause filter', 'owner', { cause: 'quota_exhausted' }, () => [inc.i3]],
    ['state filter', 'owner', { state: 'RESOLVED' }, () => [inc.i2]],
    ['API name, any case on slug', 'consumer', { q: 'WEATH' }, () => [inc.i1, inc.i2]],
    ['API name', 'consumer', { q: 'Maps' }, () => [inc.i4]],
    ['consumer team (owner side)', 'owner', { q: 'CONSUMER_D' }, () => [inc.i3]],
    ['incident id', 'owner', { q: 'I1' }, () => [inc.i1]],
    ['nothing matches', 'owner', { q: 'no-such-api' }, () => []],
    ['a bad cause falls back to all', 'owner', { cause: 'robbery', state: 'nope' }, () => [inc.i1, inc.i3, inc.i2]],
  ])('%s', async (_label, view, params, expected) => {
    const resolved = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, v === 'CONSUMER_D' ? team.d.slug : v === 'I1' ? inc.i1 : v]),
    )
    expect(await ids(view === 'owner' ? team.a.id : team.b.id, view, resolved)).toEqual(expected())
  })

  test('another team cannot find an incident by pasting its id', async () => {
    expect(await ids(team.c.id, 'owner', { q: inc.i1 })).toEqual([])
  })

  test('pages of two', async () => {
    const first = await listIncidents({ teamId: team.a.id }, { view: 'owner', page: 1, pageSize: 2 })
    const second = await listIncidents({ teamId: team.a.id }, { view: 'owner', page: 2, pageSize: 2 })
    expect({ total: first.total, pageCount: first.pageCount }).toEqual({ total: 3, pageCount: 2 })
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([inc.i1, inc.i3, inc.i2])
  })
})

describe('getIncident and getIncidentViews', () => {
  test('the consumer and the owner see it, from their side; anyone else gets null', async () => {
    expect(await getIncident({ teamId: team.b.id }, { incidentId: inc.i1 })).toMatchObject({
      id: inc.i1,
      view: 'consumer',
      api: { name: 'Weather' },
    })
    expect(await getIncident({ teamId: team.a.id }, { incidentId: inc.i1 })).toMatchObject({
      id: inc.i1,
      view: 'owner',
      consumerTeam: { slug: team.b.slug },
    })
    expect(await getIncident({ teamId: team.c.id }, { incidentId: inc.i1 })).toBeNull()
    expect(await getIncident({ teamId: team.a.id }, { incidentId: 'inc_missing' })).toBeNull()
  })

  test('a team has the consumer side, the owner side, or both', async () => {
    expect(await getIncidentViews({ teamId: team.b.id })).toEqual(['consumer'])
    expect(await getIncidentViews({ teamId: team.a.id })).toEqual(['owner'])
    const both = (await createTestTeam()).team.id
    await db.api.create({ data: { id: createId('api'), teamId: both, slug: 'own', name: 'Own' } })
    await incident(both, team.a.id, weather, 'insufficient_balance', 'RESOLVED', 500)
    expect(await getIncidentViews({ teamId: both })).toEqual(['consumer', 'owner'])
    expect(await getIncidentViews((await createTestTeam()).scope)).toEqual([])
  })
})

describe('resolveIncident', () => {
  test('an unrelated team gets 404 and changes nothing', async () => {
    const error = await rejection(() => resolveIncident(team.c.scope, { incidentId: inc.i1, reason: 'not mine' }))
    expect({ status: error.status, code: error.code }).toEqual({ status: 404, code: 'not_found' })
    expect((await db.paymentIncident.findUniqueOrThrow({ where: { id: inc.i1 } })).state).toBe('OPEN')
  })

  test('the consumer resolves with a note; the gateway is told', async () => {
    const before = await readConfigVersion(db)
    await resolveIncident(team.b.scope, { incidentId: inc.i1, reason: 'Paid by invoice' }, NOW)
    const row = await db.paymentIncident.findUniqueOrThrow({ where: { id: inc.i1 } })
    expect(row).toMatchObject({
      state: 'RESOLVED',
      resolution: 'Resolved by hand: Paid by invoice',
      resolvedById: team.b.user,
      resolvedAt: NOW,
    })
    expect(await readConfigVersion(db)).toBeGreaterThan(before)
  })

  test('the API owner resolves an incident on its API', async () => {
    await resolveIncident(team.a.scope, { incidentId: inc.i3, reason: 'Quota waived' })
    expect(await db.paymentIncident.findUniqueOrThrow({ where: { id: inc.i3 } })).toMatchObject({
      state: 'RESOLVED',
      resolution: 'Resolved by the API owner: Quota waived',
      resolvedById: team.a.user,
    })
  })

  test('resolving twice is a 409', async () => {
    const error = await rejection(() => resolveIncident(team.b.scope, { incidentId: inc.i1, reason: 'again' }))
    expect({ status: error.status, code: error.code }).toEqual({ status: 409, code: 'incident_resolved' })
  })

  test.each([
    ['an empty note', { incidentId: 'inc_1', reason: '  ' }, 'reason'],
    ['a note too long', { incidentId: 'inc_1', reason: 'x'.repeat(501) }, 'reason'],
    ['no incident', { reason: 'fixed it' }, 'incidentId'],
  ])('the form refuses %s', (_label, input, field) => {
    const parsed = resolveIncidentSchema.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path[0])).toContain(field)
  })
})
