import type { AiModelKind } from '@/generated/sqlite/enums'
import type { TeamScope } from '@/lib/auth/actor'
import { assertValidOpenApi } from '@/lib/apis/assert-valid-openapi'
import { insertDraftVersion, rewriteDraftVersion } from '@/lib/apis/insert-draft-version'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import { db, type Db, type Tx } from '@/lib/db'
import { conflict, invalid, notFound } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import {
  createAiVersionSchema,
  designOf,
  updateAiVersionSchema,
  type AiDesign,
  type CreateAiVersionInput,
  type UpdateAiVersionInput,
} from './ai-version-schemas'
import { buildAiChatContract } from './build-ai-chat-contract'

// An AI_CHAT version has no uploaded contract: its routes are stored as AiVersionModel and
// AiRouteTarget rows and its `openapi` is generated from them, both in one transaction. Its
// upstreamUrl is "" (the gateway routes to providers, not to an upstream).

/** Adds a DRAFT version to one of the team's AI_CHAT APIs. */
export async function createAiVersion(scope: TeamScope, input: CreateAiVersionInput, tx?: Tx): Promise<SavedVersion> {
  const parsed = createAiVersionSchema.parse(input)
  const design = designOf(parsed)
  const client = tx ?? db
  const api = await findAiApi(scope.teamId, parsed.apiId, client)
  const kinds = await routeKinds(scope.teamId, design, client)
  const openapi = buildAiChatContract({ ...apiText(api), version: parsed.version, ...exposed(design, kinds) })
  await assertValidOpenApi(openapi)
  return insertDraftVersion(
    scope,
    { apiId: api.id, version: parsed.version, contract: { openapi }, upstreamUrl: '' },
    (inner, versionId) => writeRoutes(inner, scope.teamId, versionId, design),
    tx,
  )
}

/** Replaces a DRAFT's routes and regenerates its contract; a published version's models are fixed. */
export async function updateAiVersion(scope: TeamScope, input: UpdateAiVersionInput, tx?: Tx): Promise<SavedVersion> {
  const { teamId } = scope
  const parsed = updateAiVersionSchema.parse(input)
  const design = designOf(parsed)
  const client = tx ?? db
  const current = await client.apiVersion.findFirst({
    where: { id: parsed.versionId, teamId },
    select: { id: true, apiId: true, version: true, state: true },
  })
  if (!current) throw notFound('Version')
  if (current.state !== 'DRAFT')
    throw conflict(
      'A published version’s models are part of its contract; add a new version to change them',
      'version_immutable',
    )
  const api = await findAiApi(teamId, current.apiId, client)
  const kinds = await routeKinds(teamId, design, client)
  const openapi = buildAiChatContract({ ...apiText(api), version: current.version, ...exposed(design, kinds) })
  await assertValidOpenApi(openapi)
  await rewriteDraftVersion(
    teamId,
    current.id,
    { openapi },
    async (inner) => {
      await inner.aiVersionModel.deleteMany({ where: { versionId: current.id, teamId } })
      await writeRoutes(inner, teamId, current.id, design)
    },
    tx,
  )
  return { versionId: current.id, version: current.version, created: false }
}

async function findAiApi(teamId: string, apiId: string, client: Db | Tx) {
  const api = await client.api.findFirst({
    where: { id: apiId, teamId },
    select: { id: true, name: true, description: true, kind: true },
  })
  if (!api) throw notFound('API')
  if (api.kind !== 'AI_CHAT') throw invalid('Only AI chat APIs route to models', undefined, 'not_ai_chat')
  return api
}

const apiText = (api: { name: string }) => ({ apiName: api.name })
/** The contract's model lists: chat models answer /chat/completions and /messages, embedding models /embeddings. */
function exposed(design: AiDesign, kinds: Map<string, AiModelKind>) {
  const of = (kind: AiModelKind) => design.models.filter((m) => kinds.get(m.name) === kind).map((m) => m.name)
  return { models: of('CHAT'), embeddingModels: of('EMBEDDING'), defaultModel: design.defaultModel }
}

/**
 * Every routed model must be one of the team's own models (another team's id reads as unknown),
 * and a route's targets all of one kind: a chat call cannot fall back to an embedding model. With
 * any chat model exposed, the default (what GET /models lists first) is a chat model.
 */
async function routeKinds(teamId: string, design: AiDesign, client: Db | Tx): Promise<Map<string, AiModelKind>> {
  const ids = [...new Set(design.models.flatMap((m) => m.targets.map((t) => t.modelId)))]
  const rows = await client.aiModel.findMany({ where: { id: { in: ids }, teamId }, select: { id: true, kind: true } })
  if (rows.length !== ids.length)
    throw invalid('Route only to your team’s models', {
      design: ['A route names a model that is not one of your models'],
    })
  const kindOf = new Map(rows.map((row) => [row.id, row.kind]))
  const kinds = new Map<string, AiModelKind>()
  for (const model of design.models) {
    const found = new Set(model.targets.map((t) => kindOf.get(t.modelId)!))
    if (found.size > 1)
      throw invalid('A route mixes chat and embedding models', {
        design: [`${model.name} routes to chat and embedding models; route it to one kind only`],
      })
    kinds.set(model.name, [...found][0])
  }
  const anyChat = [...kinds.values()].includes('CHAT')
  if (anyChat && kinds.get(design.defaultModel) !== 'CHAT')
    throw invalid('The default model is a chat model', {
      defaultModel: ['Choose a chat model as the default'],
    })
  return kinds
}

/** Writes a version's exposed models and their route targets (AI_CHAT designs, and an AI_PROMPT version's one route). */
export async function writeRoutes(tx: Tx, teamId: string, versionId: string, design: AiDesign): Promise<void> {
  for (const model of design.models) {
    await tx.aiVersionModel.create({
      data: {
        id: createId('avm'),
        teamId,
        versionId,
        name: model.name,
        isDefault: model.name === design.defaultModel,
        strategy: model.strategy,
        targets: {
          create: model.targets.map((target, position) => ({
            id: createId('art'),
            modelId: target.modelId,
            position,
            weight: model.strategy === 'WEIGHTED' ? target.weight : 1,
          })),
        },
      },
    })
  }
}
