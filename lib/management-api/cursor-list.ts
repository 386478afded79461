import { z } from 'zod'
import { decodeCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { integerInput } from '@/lib/validation/numbers'

// Lists in /api/v1 page with keyset cursors: `?cursor=<next>` from the previous answer's `next`
// link, `limit` up to 100. The console's filters ride along unchanged in the other parameters.
export const API_PAGE_SIZE = 50

const limitSchema = integerInput({ min: 1, max: 100 }).catch(API_PAGE_SIZE).default(API_PAGE_SIZE)

export function cursorRequestOf(url: URL): CursorPageRequest {
  return {
    after: decodeCursor(url.searchParams.get('cursor')),
    pageSize: limitSchema.parse(url.searchParams.get('limit') ?? undefined),
  }
}

/** The query parameters as a plain object, for the console's list schemas. */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries())
}

/** `{ items, next }`, with `next` the URL of the following page (null on the last). */
export function cursorListBody<T>(url: URL, page: CursorPage<T>): { items: T[]; next: string | null } {
  if (!page.nextCursor) return { items: page.items, next: null }
  const next = new URL(url)
  next.searchParams.set('cursor', page.nextCursor)
  return { items: page.items, next: `${next.pathname}${next.search}` }
}

export const cursorListSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() })
