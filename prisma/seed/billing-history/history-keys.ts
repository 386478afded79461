import type { Db } from '@/lib/db'
import { generateKeyValue, hashKey, keyDisplayPrefix } from '@/lib/credentials/key-format'
import { createId } from '@/lib/ids'
import type { DemoTeamSlug, SeededTeams } from '../seed-teams'

// The keys the demo consumers made their history's calls with, so the dashboards group by key
// and each key's bar drills into its own calls. Nobody needs their values (the seeded calls never
// pass the gateway), so each is random and only its hash is stored, as for any key. Found by
// team and name first, so a second seed run reuses them.

const HISTORY_KEYS: Partial<Record<DemoTeamSlug, string[]>> = {
  globex: ['Production server', 'Nightly batch'],
  initech: ['Weather widget', 'Staging'],
}

/** The key ids each consumer's history calls with (one team's calls spread over its keys). */
export async function loadHistoryKeys(
  db: Db,
  teams: SeededTeams,
  { since, now }: { since: Date; now: Date },
): Promise<Map<string, string[]>> {
  const byTeam = new Map<string, string[]>()
  for (const [slug, names] of Object.entries(HISTORY_KEYS) as Array<[DemoTeamSlug, string[]]>) {
    const team = teams[slug]
    const ids: string[] = []
    for (const name of names) {
      const found = await db.apiKey.findFirst({ where: { teamId: team.id, name }, select: { id: true } })
      if (found) {
        ids.push(found.id)
        continue
      }
      const value = generateKeyValue('live')
      const created = await db.apiKey.create({
        data: {
          id: createId('key'),
          teamId: team.id,
          name,
          prefix: keyDisplayPrefix(value),
          hash: hashKey(value),
          createdById: team.users.owner.id,
          createdAt: since,
          lastUsedAt: now,
        },
        select: { id: true },
      })
      ids.push(created.id)
    }
    byTeam.set(team.id, ids)
  }
  return byTeam
}
