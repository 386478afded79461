import { getApiLabels } from '@/lib/billing/get-api-labels'
import { db } from '@/lib/db'
import { UNTRACKED_KEY, type UsageGroup } from './usage-groups'

// How each group's ids read. Keys are labelled by what the call log already shows: an owner sees
// a consumer's key as its team and key prefix (never its name); a consumer sees its own keys by
// name and prefix.

/** Labels for the group ids a team's own rollups hold; '' is "unknown" for every group. */
export async function usageGroupLabels(teamId: string, group: UsageGroup, ids: string[]): Promise<Map<string, string>> {
  const known = ids.filter((id) => id && id !== UNTRACKED_KEY)
  const labels = new Map<string, string>(await labelsOf(teamId, group, known))
  if (ids.includes('')) labels.set('', group === 'key' ? 'No key' : 'Unknown')
  if (ids.includes(UNTRACKED_KEY)) labels.set(UNTRACKED_KEY, '(before key tracking)')
  for (const id of known) if (!labels.has(id)) labels.set(id, group === 'api' ? 'Deleted API' : 'Deleted')
  return labels
}

async function labelsOf(teamId: string, group: UsageGroup, ids: string[]): Promise<Array<[string, string]>> {
  if (ids.length === 0) return []
  switch (group) {
    case 'api':
      return [...(await getApiLabels(ids))].map(([id, l]) => [id, l.label])
    case 'consumer': {
      const teams = await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      return teams.map((t) => [t.id, t.name])
    }
    case 'version': {
      const versions = await db.apiVersion.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, api: { select: { slug: true, team: { select: { slug: true } } } } },
      })
      return versions.map((v) => [v.id, `${v.api.team.slug}/${v.api.slug} ${v.version}`])
    }
    case 'key': {
      const keys = await db.apiKey.findMany({
        where: { id: { in: ids } },
        select: { id: true, prefix: true, name: true, teamId: true, team: { select: { name: true } } },
      })
      return keys.map((k) => [k.id, k.teamId === teamId ? `${k.name} (${k.prefix}…)` : `${k.team.name} · ${k.prefix}…`])
    }
  }
}
