import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { KEYS_PAGE_SIZE, type ApiKeyOutput, type ListKeysQuery } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/** The list's filter, shared by the console's numbered pages and the management API's cursors. */
export function keysWhere(teamId: string, q: string | undefined): Prisma.ApiKeyWhereInput {
  return { teamId, ...(q ? { OR: [{ name: { contains: q } }, { prefix: { contains: q.toLowerCase() } }] } : {}) }
}

/**
 * The team's keys, newest first, never with their hash. Search matches the name or the display
 * prefix (SQLite's LIKE ignores ASCII case; PostgreSQL's matches case exactly).
 */
export async function listKeys(
  { teamId }: TeamReadScope,
  { q, page, pageSize = KEYS_PAGE_SIZE }: ListKeysQuery = {},
): Promise<OffsetPage<ApiKeyOutput>> {
  const where = keysWhere(teamId, q)
  const now = Date.now()
  return paginateOffset(
    { page, pageSize },
    {
      count: () => db.apiKey.count({ where }),
      findMany: (window) =>
        db.apiKey.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...window, select: KEY_SELECT }),
      map: (row) => toKeyOutput(row, now),
    },
  )
}
