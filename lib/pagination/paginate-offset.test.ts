import { expect, test } from 'vitest'
import { offsetWindow, paginateOffset } from './paginate-offset'

const rows = Array.from({ length: 45 }, (_, i) => i + 1)
const query = {
  count: async () => rows.length,
  findMany: async ({ skip, take }: { skip: number; take: number }) => rows.slice(skip, skip + take),
}

test.each([
  [1, { skip: 0, take: 20 }],
  [3, { skip: 40, take: 20 }],
  [0, { skip: 0, take: 20 }],
])('page %i reads %o', (page, window) => {
  expect(offsetWindow({ page, pageSize: 20 })).toEqual(window)
})

test('pages of 20 over 45 rows: 3 pages, the last holding 5', async () => {
  expect(await paginateOffset({ page: 3, pageSize: 20 }, query)).toEqual({
    items: [41, 42, 43, 44, 45],
    total: 45,
    page: 3,
    pageCount: 3,
  })
})

test('an empty list still has one page, and rows are mapped to their output', async () => {
  const empty = { count: async () => 0, findMany: async () => [] as number[] }
  expect(await paginateOffset({ pageSize: 20 }, empty)).toEqual({ items: [], total: 0, page: 1, pageCount: 1 })
  const mapped = await paginateOffset({ page: 1, pageSize: 2 }, { ...query, map: (n: number) => `#${n}` })
  expect(mapped.items).toEqual(['#1', '#2'])
})
