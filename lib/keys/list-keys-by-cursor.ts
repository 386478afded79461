import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { keysWhere } from './list-keys'
import type { ApiKeyOutput } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/** The team's keys by keyset cursor (the management API), with the console's search. */
export async function listKeysByCursor(
  { teamId }: TeamReadScope,
  { q, ...page }: CursorPageRequest & { q?: string },
): Promise<CursorPage<ApiKeyOutput>> {
  const now = Date.now()
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.apiKey.findMany({
        where: { AND: [keysWhere(teamId, q), ...keyset] },
        orderBy,
        take,
        select: { ...KEY_SELECT, createdAt: true, id: true },
      }),
    mapPage: (rows) => rows.map((row) => toKeyOutput(row, now)),
  })
}
