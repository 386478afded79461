import type { TeamScope } from '@/lib/auth/actor'
import { insertDraftVersion, rewriteDraftVersion } from '@/lib/apis/insert-draft-version'
import { prepareContract } from '@/lib/apis/prepare-contract'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import { db, type Tx } from '@/lib/db'
import { conflict, invalid, notFound } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import type { AiDesign } from '../console/ai-version-schemas'
import { writeRoutes } from '../console/save-ai-version'
import { buildPromptContract } from './build-prompt-contract'
import {
  createPromptVersionSchema,
  designOf,
  updatePromptVersionSchema,
  type CreatePromptVersionInput,
  type PromptDesign,
  type UpdatePromptVersionInput,
} from './prompt-schemas'

// An AI_PROMPT version is saved as three things in one transaction: its AiPromptTemplate row, its
// one route (an AiVersionModel with its targets: a single team model, or a copy of an AI_CHAT
// route with its fallbacks, so a later edit of that route never changes a published prompt), and
// its generated contract with the index pages read. Like every contract, fixed once published.

export async function createPromptVersion(
  scope: TeamScope,
  input: CreatePromptVersionInput,
  tx?: Tx,
): Promise<SavedVersion> {
  const { teamId } = scope
  const parsed = createPromptVersionSchema.parse(input)
  const design = designOf(parsed)
  const api = await findPromptApi(teamId, parsed.apiId, tx)
  const route = await resolveRoute(teamId, parsed, design, tx)
  const contract = await prepareContract(
    buildPromptContract({ apiName: api.name, apiDescription: api.description, version: parsed.version, design }),
  )
  return insertDraftVersion(
    scope,
    { apiId: api.id, version: parsed.version, contract, upstreamUrl: '' },
    async (tx, versionId) => {
      await writeTemplate(tx, teamId, versionId, design)
      await writeRoutes(tx, teamId, versionId, route)
    },
    tx,
  )
}

/** Replaces a DRAFT's template, route and contract; a published template is immutable. */
export async function updatePromptVersion(
  scope: TeamScope,
  input: UpdatePromptVersionInput,
  tx?: Tx,
): Promise<SavedVersion> {
  const { teamId } = scope
  const parsed = updatePromptVersionSchema.parse(input)
  const design = designOf(parsed)
  const current = await (tx ?? db).apiVersion.findFirst({
    where: { id: parsed.versionId, teamId },
    select: { id: true, apiId: true, version: true, state: true },
  })
  if (!current) throw notFound('Version')
  if (current.state !== 'DRAFT')
    throw conflict('A published prompt is part of its contract; add a new version to change it', 'version_immutable')
  const api = await findPromptApi(teamId, current.apiId, tx)
  const route = await resolveRoute(teamId, parsed, design, tx)
  const contract = await prepareContract(
    buildPromptContract({ apiName: api.name, apiDescription: api.description, version: current.version, design }),
  )
  await rewriteDraftVersion(
    teamId,
    current.id,
    contract,
    async (client) => {
      await client.aiPromptTemplate.deleteMany({ where: { versionId: current.id, teamId } })
      await writeTemplate(client, teamId, current.id, design)
      await client.aiVersionModel.deleteMany({ where: { versionId: current.id, teamId } })
      await writeRoutes(client, teamId, current.id, route)
    },
    tx,
  )
  return { versionId: current.id, version: current.version, created: false }
}

async function findPromptApi(teamId: string, apiId: string, tx?: Tx) {
  const api = await (tx ?? db).api.findFirst({
    where: { id: apiId, teamId },
    select: { id: true, name: true, description: true, kind: true },
  })
  if (!api) throw notFound('API')
  if (api.kind !== 'AI_PROMPT') throw invalid('Only AI prompt APIs have a prompt template', undefined, 'not_ai_prompt')
  return { ...api, description: api.description ?? '' }
}

/**
 * The version's one route, as an AiDesign of one exposed model named after what it runs on. Ids of
 * another team's models or routes read as unknown, like any id that is not the caller's.
 */
async function resolveRoute(
  teamId: string,
  choice: { modelId?: string; chatRouteId?: string },
  design: PromptDesign,
  tx?: Tx,
): Promise<AiDesign> {
  const client = tx ?? db
  let name: string
  let strategy: 'FALLBACK' | 'WEIGHTED' = 'FALLBACK'
  let targets: { modelId: string; weight: number; maxOutputTokens: number }[]
  if (choice.modelId !== undefined) {
    const model = await client.aiModel.findFirst({
      where: { id: choice.modelId, teamId, kind: 'CHAT' },
      select: { id: true, name: true, maxOutputTokens: true },
    })
    if (!model) throw invalid('Choose one of your team’s chat models', { modelId: ['Not one of your chat models'] })
    name = model.name
    targets = [{ modelId: model.id, weight: 1, maxOutputTokens: model.maxOutputTokens }]
  } else {
    const route = await client.aiVersionModel.findFirst({
      where: { id: choice.chatRouteId, teamId, version: { api: { kind: 'AI_CHAT' } } },
      select: {
        name: true,
        strategy: true,
        targets: {
          orderBy: { position: 'asc' },
          select: { modelId: true, weight: true, model: { select: { kind: true, maxOutputTokens: true } } },
        },
      },
    })
    const chat = route?.targets.filter((t) => t.model.kind === 'CHAT') ?? []
    if (!route || chat.length === 0)
      throw invalid('Choose one of your team’s AI chat routes', { modelId: ['Not one of your chat routes'] })
    name = route.name
    strategy = route.strategy
    targets = chat.map((t) => ({ modelId: t.modelId, weight: t.weight, maxOutputTokens: t.model.maxOutputTokens }))
  }
  const limit = Math.min(...targets.map((t) => t.maxOutputTokens))
  if (design.maxOutputTokens !== null && design.maxOutputTokens > limit)
    throw invalid('The output limit is above what the model allows', {
      maxOutputTokens: [`At most ${limit} for ${name}`],
    })
  return {
    models: [{ name, strategy, targets: targets.map(({ modelId, weight }) => ({ modelId, weight })) }],
    defaultModel: name,
  }
}

async function writeTemplate(tx: Tx, teamId: string, versionId: string, design: PromptDesign): Promise<void> {
  await tx.aiPromptTemplate.create({
    data: {
      id: createId('apt'),
      teamId,
      versionId,
      systemTemplate: design.systemTemplate,
      userTemplate: design.userTemplate,
      variables: JSON.stringify(design.variables),
      outputSchema: design.outputSchema === null ? null : JSON.stringify(design.outputSchema),
      temperature: design.temperature,
      maxOutputTokens: design.maxOutputTokens,
    },
  })
}
