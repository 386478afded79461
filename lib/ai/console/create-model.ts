import type { AiModelKind, AiProviderKind } from '@/generated/sqlite/enums'
import type { TeamScope } from '@/lib/auth/actor'
import { db, type Db, type Tx } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { createModelSchema, type CreateModelInput } from './schemas'

/** Adds a model on one of the team's own providers. */
export async function createModel({ teamId }: TeamScope, input: CreateModelInput, tx?: Tx) {
  const data = createModelSchema.parse(input)
  const client = tx ?? db
  assertOutputFits(data.maxOutputTokens, data.contextWindow)
  assertKindFits(data.kind ?? 'CHAT', await assertOwnProvider(teamId, data.providerId, client))
  const taken = await client.aiModel.findFirst({ where: { teamId, name: data.name }, select: { id: true } })
  if (taken) throw modelNameTaken()
  try {
    return await client.aiModel.create({
      data: {
        id: createId('aim'),
        teamId,
        providerId: data.providerId,
        name: data.name,
        providerModel: data.providerModel,
        kind: data.kind,
        inputMicrosPerM: data.inputPrice,
        outputMicrosPerM: data.outputPrice,
        cachedInputMicrosPerM: data.cachedInputPrice ?? null,
        contextWindow: data.contextWindow,
        maxOutputTokens: data.maxOutputTokens,
      },
      select: { id: true, name: true },
    })
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw modelNameTaken()
    throw error
  }
}

/** The provider's kind. Another team's provider id reads exactly like one that does not exist. */
export async function assertOwnProvider(
  teamId: string,
  providerId: string,
  client: Db | Tx = db,
): Promise<AiProviderKind> {
  const provider = await client.aiProvider.findFirst({ where: { id: providerId, teamId }, select: { kind: true } })
  if (!provider) throw invalid('Choose one of your team’s providers', { providerId: ['Choose one of your providers'] })
  return provider.kind
}

/** Anthropic has no embeddings API, so an embedding model there could never answer. */
export function assertKindFits(kind: AiModelKind, providerKind: AiProviderKind): void {
  if (kind === 'EMBEDDING' && providerKind === 'ANTHROPIC')
    throw invalid('Anthropic has no embeddings API', { kind: ['Anthropic serves chat models only'] })
}

export function assertOutputFits(maxOutputTokens: number | undefined, contextWindow: number | undefined): void {
  if (maxOutputTokens !== undefined && contextWindow !== undefined && maxOutputTokens > contextWindow)
    throw invalid('The max output cannot exceed the context window', {
      maxOutputTokens: ['At most the context window'],
    })
}

export const modelNameTaken = () =>
  invalid('This team already has a model with that name', { name: ['Pick another name'] }, 'model_name_taken')
