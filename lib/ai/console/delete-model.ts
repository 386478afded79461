import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import type { ModelIdInput } from './schemas'

/** Deletes a model that no AI API version routes to; one in use is refused, naming the APIs. */
export async function deleteModel(
  { teamId }: TeamScope,
  { modelId }: ModelIdInput,
  tx?: Tx,
): Promise<{ name: string }> {
  const client = tx ?? db
  const model = await client.aiModel.findFirst({ where: { id: modelId, teamId }, select: { name: true } })
  if (!model) throw notFound('Model')
  const routes = await client.aiRouteTarget.findMany({
    where: { modelId, versionModel: { teamId } },
    select: { versionModel: { select: { version: { select: { version: true, api: { select: { name: true } } } } } } },
    take: 20,
  })
  if (routes.length > 0)
    throw modelInUse(
      model.name,
      routes.map((r) => r.versionModel.version),
    )
  try {
    const { count } = await client.aiModel.deleteMany({ where: { id: modelId, teamId } })
    if (count === 0) throw notFound('Model')
  } catch (error) {
    // A route added meanwhile: the Restrict foreign key refuses the delete.
    if ((error as { code?: string }).code === 'P2003') throw modelInUse(model.name, [])
    throw error
  }
  return { name: model.name }
}

function modelInUse(name: string, versions: { version: string; api: { name: string } }[]) {
  const where = [...new Set(versions.map((v) => `${v.api.name} ${v.version}`))].join(', ')
  return conflict(`${name} is routed to by ${where || 'an AI API'}; remove it from those routes first`, 'model_in_use')
}
