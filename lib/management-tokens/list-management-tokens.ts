import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { MANAGEMENT_TOKENS_PAGE_SIZE, type ListManagementTokensQuery, type ManagementTokenOutput } from './schemas'
import { MANAGEMENT_TOKEN_SELECT, toManagementTokenOutput } from './to-management-token-output'

/** The team's management tokens, newest first, never with their hash; search on name or prefix. */
export async function listManagementTokens(
  { teamId }: TeamReadScope,
  { q, page, pageSize = MANAGEMENT_TOKENS_PAGE_SIZE }: ListManagementTokensQuery = {},
): Promise<OffsetPage<ManagementTokenOutput>> {
  const where: Prisma.ManagementTokenWhereInput = {
    teamId,
    ...(q ? { OR: [{ name: { contains: q } }, { prefix: { contains: q.toLowerCase() } }] } : {}),
  }
  const now = Date.now()
  return paginateOffset(
    { page, pageSize },
    {
      count: () => db.managementToken.count({ where }),
      findMany: (window) =>
        db.managementToken.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          ...window,
          select: MANAGEMENT_TOKEN_SELECT,
        }),
      map: (row) => toManagementTokenOutput(row, now),
    },
  )
}
