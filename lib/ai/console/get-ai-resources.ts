import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { MODEL_SELECT, modelsWhere, toModelOutput } from './list-models'
import { providersWhere } from './list-providers'
import type { ModelIdInput, ModelOutput, ProviderIdInput, ProviderOutput } from './schemas'
import { PROVIDER_SELECT, toProviderOutput } from './to-provider-output'

// One provider or model by id, and both lists by keyset cursor (the management API), through the
// console's selects and output mappers, so a key or a header value can never be part of an answer.

/** The team's provider; another team's id reads as 404. */
export async function getProvider({ teamId }: TeamReadScope, { providerId }: ProviderIdInput): Promise<ProviderOutput> {
  const row = await db.aiProvider.findFirst({ where: { id: providerId, teamId }, select: PROVIDER_SELECT })
  if (!row) throw notFound('Provider')
  return toProviderOutput(row)
}

/** The team's model; another team's id reads as 404. */
export async function getModel({ teamId }: TeamReadScope, { modelId }: ModelIdInput): Promise<ModelOutput> {
  const row = await db.aiModel.findFirst({ where: { id: modelId, teamId }, select: MODEL_SELECT })
  if (!row) throw notFound('Model')
  return toModelOutput(row)
}

export async function listProvidersByCursor(
  { teamId }: TeamReadScope,
  { q, ...page }: CursorPageRequest & { q?: string },
): Promise<CursorPage<ProviderOutput>> {
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.aiProvider.findMany({
        where: { AND: [providersWhere(teamId, q), ...keyset] },
        orderBy,
        take,
        select: PROVIDER_SELECT,
      }),
    mapPage: (rows) => rows.map(toProviderOutput),
  })
}

export async function listModelsByCursor(
  { teamId }: TeamReadScope,
  { q, ...page }: CursorPageRequest & { q?: string },
): Promise<CursorPage<ModelOutput>> {
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.aiModel.findMany({
        where: { AND: [modelsWhere(teamId, q), ...keyset] },
        orderBy,
        take,
        select: { ...MODEL_SELECT, createdAt: true },
      }),
    mapPage: (rows) => rows.map(({ createdAt: _createdAt, ...row }) => toModelOutput(row)),
  })
}
