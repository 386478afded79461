// Integration: the notifications list, the unread count and "mark read", written through the
// same outbox (notifyTeam) the gateway and billing code use.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { countUnreadNotifications } from './count-unread-notifications'
import { listNotifications } from './list-notifications'
import { markNotificationsRead } from './mark-notifications-read'
import { notifyTeam } from './notify-team'
import { parseListNotificationsQuery } from './schemas'

const T0 = new Date('2026-11-24T10:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let database: TestDatabase
let a = ''
let b = ''
let aScope: TeamScope
let bScope: TeamScope

beforeAll(async () => {
  database = await setupTestDatabase()
  aScope = (await createTestTeam()).scope
  bScope = (await createTestTeam()).scope
  a = aScope.teamId
  b = bScope.teamId
  for (let i = 0; i < 5; i++) {
    await db.$transaction((tx) =>
      notifyTeam(
        tx,
        {
          teamId: a,
          event: 'payment_incident.opened',
          title: `Incident ${i}`,
          link: `/t/a/incidents/inc_${i}`,
          data: {},
        },
        at(i),
      ),
    )
  }
  await db.$transaction((tx) =>
    notifyTeam(
      tx,
      { teamId: a, event: 'budget.threshold_crossed', title: 'Sneaky', link: '//evil.example/x', data: {} },
      at(5),
    ),
  )
  await db.$transaction((tx) =>
    notifyTeam(tx, { teamId: b, event: 'budget.threshold_crossed', title: 'B only', data: {} }, at(0)),
  )
})
afterAll(() => database?.cleanup())

test('newest first, paginated, scoped to the team; only console paths become links', async () => {
  const first = await listNotifications({ teamId: a }, { page: 1, pageSize: 4 })
  const second = await listNotifications({ teamId: a }, { page: 2, pageSize: 4 })
  expect([...first.items, ...second.items].map((n) => n.title)).toEqual([
    'Sneaky',
    'Incident 4',
    'Incident 3',
    'Incident 2',
    'Incident 1',
    'Incident 0',
  ])
  expect({ total: first.total, unread: first.unread, pageCount: first.pageCount }).toEqual({
    total: 6,
    unread: 6,
    pageCount: 2,
  })
  expect(first.items[0].link).toBeNull()
  expect(first.items[1]).toMatchObject({ kind: 'payment_incident.opened', link: '/t/a/incidents/inc_4', readAt: null })
  expect((await listNotifications({ teamId: b })).items.map((n) => n.title)).toEqual(['B only'])
})

test('marking one read needs the right team; the unread count and filter follow', async () => {
  const [newest] = (await listNotifications({ teamId: a })).items
  expect(await markNotificationsRead(bScope, { notificationId: newest.id })).toBe(0)
  expect(await markNotificationsRead(aScope, { notificationId: newest.id })).toBe(1)
  expect(await countUnreadNotifications(aScope)).toBe(5)
  const unread = await listNotifications({ teamId: a }, parseListNotificationsQuery({ show: 'unread' }))
  expect(unread.items.map((n) => n.title)).not.toContain('Sneaky')
  expect(unread.total).toBe(5)
})

test('mark all read stops at the newest one the page showed', async () => {
  expect(await markNotificationsRead(aScope, { upTo: at(3) })).toBe(4)
  expect((await listNotifications({ teamId: a }, { show: 'unread' })).items.map((n) => n.title)).toEqual(['Incident 4'])
  expect(await markNotificationsRead(aScope, {})).toBe(1)
  expect(await countUnreadNotifications(aScope)).toBe(0)
  expect(await countUnreadNotifications(bScope)).toBe(1)
})

test('bad page params fall back', () => {
  expect(parseListNotificationsQuery({ show: 'everything', page: '-3' })).toEqual({ show: 'all', page: 1 })
})
