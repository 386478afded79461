import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { apisWhere } from './list-apis'
import type { ListApisQuery } from './schemas'
import { apiListItemSchema, type ApiListItem } from './to-api-output'

/** The team's APIs by keyset cursor, newest first (the management API), with the console's filters. */
export async function listApisByCursor(
  { teamId }: TeamReadScope,
  { q, state, ...page }: CursorPageRequest & Pick<ListApisQuery, 'q' | 'state'>,
): Promise<CursorPage<ApiListItem>> {
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.api.findMany({
        where: { AND: [apisWhere(teamId, { q, state }), ...keyset] },
        orderBy,
        take,
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          visibility: true,
          state: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
    mapPage: (rows) => rows.map((row) => apiListItemSchema.parse(row)),
  })
}
