// Keyset pagination for long or append-only lists (the call log, the management API), newest
// first on (createdAt, id). Each page is an index range scan, as fast on page 1,000 as on page 1,
// and rows written meanwhile never shift a page: no duplicates, no gaps.

/** The sort key of a page's boundary row. */
export type Cursor = { createdAt: Date; id: string }

export type CursorPageRequest = {
  /** Older than this row (the "Older" link)… */
  after?: Cursor
  /** …or newer than this row (the "Newer" link). `after` wins when both are given. */
  before?: Cursor
  pageSize: number
}

export type CursorPage<T> = { items: T[]; nextCursor: string | null; prevCursor: string | null }

type DateBound = { gte: Date } | { lte: Date }
type Beyond<V> = { gt: V } | { lt: V }
/** A WHERE fragment for any model with `createdAt` and `id`; AND it with the list's own filter. */
export type KeysetWhere =
  { createdAt: DateBound } | { OR: [{ createdAt: Beyond<Date> }, { createdAt: Date; id: Beyond<string> }] }
export type KeysetOrder = [{ createdAt: 'asc' | 'desc' }, { id: 'asc' | 'desc' }]

// Cursors read "<epoch ms>~<row id>". Opaque to clients, but stable: links already shared keep working.
export function encodeCursor(row: Cursor): string {
  return `${row.createdAt.getTime()}~${row.id}`
}

/** The cursor in a URL parameter; anything malformed is no cursor (the first page), never an error. */
export function decodeCursor(value: string | null | undefined): Cursor | undefined {
  const match = value?.match(/^(\d{1,15})~([\w-]{1,100})$/)
  if (!match) return undefined
  return { createdAt: new Date(Number(match[1])), id: match[2] }
}

/** Rows strictly older (or, `backwards`, strictly newer) than the cursor in (createdAt desc, id desc) order. */
export function keysetWhere(cursor: Cursor, backwards: boolean): KeysetWhere[] {
  const beyond = <V>(value: V): Beyond<V> => (backwards ? { gt: value } : { lt: value })
  return [
    // The plain bound lets the database narrow its index range; the OR breaks ties on id.
    { createdAt: backwards ? { gte: cursor.createdAt } : { lte: cursor.createdAt } },
    { OR: [{ createdAt: beyond(cursor.createdAt) }, { createdAt: cursor.createdAt, id: beyond(cursor.id) }] },
  ]
}

/**
 * One page, newest first. `findMany` runs the list's query with the keyset fragments ANDed to its
 * own filter; `mapPage` turns the page's rows into what the list shows (lookups for the whole page
 * at once). The cursors come from the raw rows, so the output needs no createdAt or id.
 */
export async function paginateCursor<Row extends Cursor, T = Row>(
  { after, before, pageSize }: CursorPageRequest,
  query: {
    findMany: (args: { keyset: KeysetWhere[]; orderBy: KeysetOrder; take: number }) => Promise<Row[]>
    mapPage?: (rows: Row[]) => Promise<T[]> | T[]
  },
): Promise<CursorPage<T>> {
  const cursor = after ?? before
  const backwards = !after && Boolean(before)
  const direction = backwards ? 'asc' : 'desc'
  const rows = await query.findMany({
    keyset: cursor ? keysetWhere(cursor, backwards) : [],
    orderBy: [{ createdAt: direction }, { id: direction }],
    // One row more than the page tells whether there is another page in this direction.
    take: pageSize + 1,
  })
  const hasMore = rows.length > pageSize
  const page = rows.slice(0, pageSize)
  if (backwards) page.reverse()
  const first = page[0]
  const last = page[page.length - 1]
  const items = query.mapPage ? await query.mapPage(page) : (page as unknown as T[])
  return {
    items,
    // Going back, there is always an older page (the one we came from); going forward, a newer
    // one exists whenever this page did not start at the top.
    nextCursor: last && (backwards || hasMore) ? encodeCursor(last) : null,
    prevCursor: first && (backwards ? hasMore : Boolean(cursor)) ? encodeCursor(first) : null,
  }
}
