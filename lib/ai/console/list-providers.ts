import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { AI_PAGE_SIZE, type ListAiQuery, type ProviderOutput } from './schemas'
import { PROVIDER_SELECT, toProviderOutput } from './to-provider-output'

/** The team's providers by name; search matches the name or the base URL. */
export async function listProviders(
  { teamId }: TeamReadScope,
  { q, page, pageSize = AI_PAGE_SIZE }: ListAiQuery = {},
): Promise<OffsetPage<ProviderOutput>> {
  const where = providersWhere(teamId, q)
  return paginateOffset(
    { page, pageSize },
    {
      count: () => db.aiProvider.count({ where }),
      findMany: (window) =>
        db.aiProvider.findMany({
          where,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          ...window,
          select: PROVIDER_SELECT,
        }),
      map: toProviderOutput,
    },
  )
}

export function providersWhere(teamId: string, q?: string): Prisma.AiProviderWhereInput {
  return { teamId, ...(q ? { OR: [{ name: { contains: q } }, { baseUrl: { contains: q } }] } : {}) }
}

/** Every provider of the team as a choice for the model form (id, name, kind). */
export async function listProviderChoices({ teamId }: TeamReadScope) {
  return db.aiProvider.findMany({
    where: { teamId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, kind: true },
    take: 500,
  })
}
