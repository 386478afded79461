import type { TeamScope } from '@/lib/auth/actor'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { db, type Tx } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import { assertKindFits, assertOutputFits, assertOwnProvider, modelNameTaken } from './create-model'
import { updateModelSchema, type UpdateModelInput } from './schemas'

/** Edits a model. Prices apply from the gateway's next snapshot (config event in the same transaction). */
export async function updateModel({ teamId }: TeamScope, input: UpdateModelInput, tx?: Tx) {
  const { modelId, inputPrice, outputPrice, cachedInputPrice, ...fields } = updateModelSchema.parse(input)
  const client = tx ?? db
  const current = await client.aiModel.findFirst({
    where: { id: modelId, teamId },
    select: {
      contextWindow: true,
      maxOutputTokens: true,
      kind: true,
      providerId: true,
      _count: { select: { routeTargets: true } },
    },
  })
  if (!current) throw notFound('Model')
  assertOutputFits(fields.maxOutputTokens ?? current.maxOutputTokens, fields.contextWindow ?? current.contextWindow)
  const kind = fields.kind ?? current.kind
  if (fields.kind !== undefined || fields.providerId !== undefined)
    assertKindFits(kind, await assertOwnProvider(teamId, fields.providerId ?? current.providerId, client))
  // A route's targets are all of one kind, and a published route is part of a contract.
  if (kind !== current.kind && current._count.routeTargets > 0)
    throw invalid('This model is routed by AI API versions', {
      kind: ['Routed models keep their kind; add a new model instead'],
    })
  if (fields.name !== undefined) {
    const clash = await client.aiModel.findFirst({
      where: { teamId, name: fields.name, id: { not: modelId } },
      select: { id: true },
    })
    if (clash) throw modelNameTaken()
  }
  try {
    const write = async (inner: Tx) => {
      const row = await inner.aiModel.update({
        where: { id: modelId, teamId },
        data: {
          ...fields,
          ...(inputPrice !== undefined ? { inputMicrosPerM: inputPrice } : {}),
          ...(outputPrice !== undefined ? { outputMicrosPerM: outputPrice } : {}),
          ...(cachedInputPrice !== undefined ? { cachedInputMicrosPerM: cachedInputPrice } : {}),
        },
        select: { id: true, name: true },
      })
      await publishConfigChange(inner)
      return row
    }
    return await (tx ? write(tx) : db.$transaction(write))
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw modelNameTaken()
    throw error
  }
}
