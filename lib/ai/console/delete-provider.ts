import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import type { ProviderIdInput } from './schemas'

/** Deletes a provider that no model uses any more (models name their provider; delete them first). */
export async function deleteProvider(
  { teamId }: TeamScope,
  { providerId }: ProviderIdInput,
  tx?: Tx,
): Promise<{ name: string }> {
  const client = tx ?? db
  const provider = await client.aiProvider.findFirst({
    where: { id: providerId, teamId },
    select: { name: true, _count: { select: { models: true } } },
  })
  if (!provider) throw notFound('Provider')
  const models = provider._count.models
  if (models > 0) throw providerInUse(provider.name, models)
  try {
    const { count } = await client.aiProvider.deleteMany({ where: { id: providerId, teamId } })
    if (count === 0) throw notFound('Provider')
  } catch (error) {
    // A model created meanwhile: the Restrict foreign key refuses the delete.
    if ((error as { code?: string }).code === 'P2003') throw providerInUse(provider.name, 1)
    throw error
  }
  return { name: provider.name }
}

const providerInUse = (name: string, models: number) =>
  conflict(`${name} still has ${models} model${models === 1 ? '' : 's'}; delete or move them first`, 'provider_in_use')
