// Offset pagination for the console's numbered lists (keys, APIs, subscriptions, ledger, …):
// one count and one page read in parallel, and the same result shape everywhere.

export type OffsetPageRequest = { page?: number; pageSize: number }
export type OffsetPage<T> = { items: T[]; total: number; page: number; pageCount: number }

/** `take`/`skip` for Prisma's findMany; page numbers start at 1. */
export function offsetWindow({ page = 1, pageSize }: OffsetPageRequest): { skip: number; take: number } {
  return { skip: (Math.max(1, page) - 1) * pageSize, take: pageSize }
}

export async function paginateOffset<Row, T = Row>(
  request: OffsetPageRequest,
  query: {
    count: () => Promise<number>
    findMany: (window: { skip: number; take: number }) => Promise<Row[]>
    map?: (row: Row) => T
  },
): Promise<OffsetPage<T>> {
  const page = Math.max(1, request.page ?? 1)
  const [total, rows] = await Promise.all([
    query.count(),
    query.findMany(offsetWindow({ page, pageSize: request.pageSize })),
  ])
  const items = query.map ? rows.map(query.map) : (rows as unknown as T[])
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / request.pageSize)) }
}
