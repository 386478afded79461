// Keyset pagination against a real table: any model with createdAt and id pages the same way as
// the call log (here: a team's notifications, ties on createdAt included).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { decodeCursor, encodeCursor, paginateCursor, type CursorPage } from './paginate-cursor'

const T0 = new Date('2026-11-24T10:00:00.000Z')
let database: TestDatabase
let teamId = ''
let newestFirst: string[] = []

beforeAll(async () => {
  database = await setupTestDatabase()
  teamId = (await createTestTeam()).team.id
  // Seven rows, three of them in the same millisecond: the id breaks the tie.
  const minutes = [0, 1, 2, 2, 2, 3, 4]
  const rows = minutes.map((m) => ({ id: createId('ntf'), createdAt: new Date(T0.getTime() + m * 60_000) }))
  await db.notification.createMany({
    data: rows.map((r, i) => ({ ...r, teamId, kind: 'test', title: `n${i}`, body: '' })),
  })
  newestFirst = [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id)
})
afterAll(() => database?.cleanup())

function page(request: { after?: string | null; before?: string | null }): Promise<CursorPage<string>> {
  return paginateCursor(
    { after: decodeCursor(request.after), before: decodeCursor(request.before), pageSize: 3 },
    {
      findMany: ({ keyset, orderBy, take }) =>
        db.notification.findMany({
          where: { AND: [{ teamId }, ...keyset] },
          orderBy,
          take,
          select: { id: true, createdAt: true },
        }),
      mapPage: (rows) => rows.map((r) => r.id),
    },
  )
}

describe('paginateCursor', () => {
  test('Older walks every row once, newest first; Newer walks back through the same pages', async () => {
    const first = await page({})
    const second = await page({ after: first.nextCursor })
    const third = await page({ after: second.nextCursor })
    expect([first.items, second.items, third.items]).toEqual([
      newestFirst.slice(0, 3),
      newestFirst.slice(3, 6),
      newestFirst.slice(6),
    ])
    expect({ firstPrev: first.prevCursor, lastNext: third.nextCursor }).toEqual({ firstPrev: null, lastNext: null })

    const backToSecond = await page({ before: third.prevCursor })
    expect(backToSecond.items).toEqual(second.items)
    const backToFirst = await page({ before: backToSecond.prevCursor })
    expect(backToFirst.items).toEqual(first.items)
    expect(backToFirst.prevCursor).toBeNull()
    expect(backToFirst.nextCursor).toBe(first.nextCursor)
  })

  test('a row added after the first page does not shift the next one', async () => {
    const first = await page({})
    const before = await page({ after: first.nextCursor })
    const fresh = await db.notification.create({
      data: { id: createId('ntf'), teamId, kind: 'test', title: 'fresh', body: '', createdAt: new Date() },
    })
    expect((await page({ after: first.nextCursor })).items).toEqual(before.items)
    await db.notification.delete({ where: { id: fresh.id } })
  })
})

describe('cursors', () => {
  test('a cursor round-trips to the row it was made from, millisecond and id', () => {
    const row = { createdAt: new Date('2026-11-24T14:00:00.123Z'), id: 'inv_abc-1' }
    expect(encodeCursor(row)).toBe('1795528800123~inv_abc-1')
    expect(decodeCursor(encodeCursor(row))).toEqual(row)
  })

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['no separator', '1795528800123inv_abc'],
    ['not a number', 'soon~inv_abc'],
    ['a negative time', '-5~inv_abc'],
    ['a time too long', `${'9'.repeat(16)}~inv_abc`],
    ['an id with a quote', "1795528800123~inv'abc"],
    ['an id too long', `1795528800123~${'a'.repeat(101)}`],
  ])('a malformed cursor (%s) means the first page', (_label, value) => {
    expect(decodeCursor(value)).toBeUndefined()
  })
})
