import type { Prisma } from '@/generated/sqlite/client'
import type { VersionState } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'

export const APIS_PAGE_SIZE = 20

/** The team's APIs for the list page: search on the lower-cased searchText, filter by state. */
export async function listApis({
  teamId,
  q,
  state,
  page = 1,
  pageSize = APIS_PAGE_SIZE,
}: {
  teamId: string
  q?: string
  state?: VersionState
  page?: number
  pageSize?: number
}) {
  const where: Prisma.ApiWhereInput = {
    teamId,
    ...(state ? { state } : {}),
    ...(q ? { searchText: { contains: q.toLowerCase() } } : {}),
  }
  const [total, rows] = await Promise.all([
    db.api.count({ where }),
    db.api.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        name: true,
        kind: true,
        visibility: true,
        state: true,
        updatedAt: true,
        _count: { select: { versions: true } },
      },
    }),
  ])
  return {
    items: rows.map(({ _count, ...api }) => ({ ...api, versionCount: _count.versions })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}
