import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset } from '@/lib/pagination/paginate-offset'
import type { ListApisQuery } from './schemas'

export const APIS_PAGE_SIZE = 20

const API_ROW_SELECT = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  visibility: true,
  state: true,
  updatedAt: true,
  _count: { select: { versions: true } },
} satisfies Prisma.ApiSelect

/** The list's filter, shared by the console's numbered pages and the management API's cursors. */
export function apisWhere(teamId: string, { q, state }: Pick<ListApisQuery, 'q' | 'state'>): Prisma.ApiWhereInput {
  return {
    teamId,
    ...(state ? { state } : {}),
    ...(q ? { searchText: { contains: q.toLowerCase() } } : {}),
  }
}

/** The team's APIs for the list page: search on the lower-cased searchText, filter by state. */
export async function listApis(
  { teamId }: TeamReadScope,
  { q, state, page, pageSize = APIS_PAGE_SIZE }: ListApisQuery = {},
) {
  const where = apisWhere(teamId, { q, state })
  return paginateOffset(
    { page, pageSize },
    {
      count: () => db.api.count({ where }),
      findMany: (window) =>
        db.api.findMany({ where, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], ...window, select: API_ROW_SELECT }),
      map: ({ _count, ...api }) => ({ ...api, versionCount: _count.versions }),
    },
  )
}
