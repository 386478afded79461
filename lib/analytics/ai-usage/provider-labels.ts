import { db } from '@/lib/db'

// The rollups name the provider model that served a call by the owner team's model name (what
// X-Tollgate-Model says); the dashboard shows which provider that is. Consumers see the same
// name in X-Tollgate-Provider, so reading it for another team's model reveals nothing new.

export type ServingModel = { ownerTeamId: string; provider: string }

export const servingKey = (s: ServingModel) => `${s.ownerTeamId}|${s.provider}`

/** servingKey → the provider's name, for the models that still exist. */
export async function getProviderLabels(models: readonly ServingModel[]): Promise<Map<string, string>> {
  const byOwner = new Map<string, Set<string>>()
  for (const m of models) {
    if (!m.provider) continue
    const names = byOwner.get(m.ownerTeamId) ?? new Set<string>()
    names.add(m.provider)
    byOwner.set(m.ownerTeamId, names)
  }
  if (byOwner.size === 0) return new Map()
  const rows = await db.aiModel.findMany({
    where: { OR: [...byOwner].map(([teamId, names]) => ({ teamId, name: { in: [...names] } })) },
    select: { teamId: true, name: true, provider: { select: { name: true } } },
  })
  return new Map(rows.map((r) => [servingKey({ ownerTeamId: r.teamId, provider: r.name }), r.provider.name]))
}
