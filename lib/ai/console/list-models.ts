import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { AI_PAGE_SIZE, modelOutputSchema, type ListAiQuery, type ModelOutput } from './schemas'

export const MODEL_SELECT = {
  id: true,
  name: true,
  providerModel: true,
  kind: true,
  providerId: true,
  inputMicrosPerM: true,
  outputMicrosPerM: true,
  cachedInputMicrosPerM: true,
  contextWindow: true,
  maxOutputTokens: true,
  provider: { select: { name: true } },
  routeTargets: {
    select: {
      versionModel: {
        select: { version: { select: { version: true, api: { select: { id: true, slug: true, name: true } } } } },
      },
    },
    take: 50,
  },
} satisfies Prisma.AiModelSelect

type ModelRow = Prisma.AiModelGetPayload<{ select: typeof MODEL_SELECT }>

/** The team's models by name with their provider and the AI APIs that route to them. */
export async function listModels(
  { teamId }: TeamReadScope,
  { q, page, pageSize = AI_PAGE_SIZE }: ListAiQuery = {},
): Promise<OffsetPage<ModelOutput>> {
  const where = modelsWhere(teamId, q)
  return paginateOffset(
    { page, pageSize },
    {
      count: () => db.aiModel.count({ where }),
      findMany: (window) =>
        db.aiModel.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], ...window, select: MODEL_SELECT }),
      map: toModelOutput,
    },
  )
}

export function modelsWhere(teamId: string, q?: string): Prisma.AiModelWhereInput {
  return { teamId, ...(q ? { OR: [{ name: { contains: q } }, { providerModel: { contains: q } }] } : {}) }
}

/** The team's models (chat and embedding) as choices for an AI_CHAT version's routes. */
export async function listModelChoices({ teamId }: TeamReadScope) {
  return db.aiModel.findMany({
    where: { teamId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, kind: true, provider: { select: { name: true } } },
    take: 500,
  })
}

export function toModelOutput({ provider, routeTargets, ...model }: ModelRow): ModelOutput {
  const byApi = new Map<string, ModelOutput['usedBy'][number]>()
  for (const { versionModel } of routeTargets) {
    const { api, version } = versionModel.version
    const entry = byApi.get(api.id) ?? { apiId: api.id, apiSlug: api.slug, apiName: api.name, versions: [] }
    if (!entry.versions.includes(version)) entry.versions.push(version)
    byApi.set(api.id, entry)
  }
  return modelOutputSchema.parse({ ...model, providerName: provider.name, usedBy: [...byApi.values()] })
}
