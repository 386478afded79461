import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

// Who still calls a version: the consumer teams with calls in the last 7 days (UsageRollup), so
// the deprecate and retire dialogs can say whom the change breaks before the owner confirms it.

const DAY_MS = 86_400_000
export const CALLER_DAYS = 7

export type VersionCaller = { teamId: string; name: string; calls: number }

export async function listVersionCallers(
  { teamId }: TeamReadScope,
  { versionIds, now = new Date() }: { versionIds: string[]; now?: Date },
): Promise<Map<string, VersionCaller[]>> {
  const byVersion = new Map<string, VersionCaller[]>()
  if (versionIds.length === 0) return byVersion
  const groups = await db.usageRollup.groupBy({
    by: ['versionId', 'consumerTeamId'],
    where: {
      ownerTeamId: teamId,
      versionId: { in: versionIds },
      consumerTeamId: { not: '' },
      hour: { gte: new Date(now.getTime() - CALLER_DAYS * DAY_MS) },
    },
    _sum: { calls: true },
  })
  const teams = await db.team.findMany({
    where: { id: { in: [...new Set(groups.map((g) => g.consumerTeamId))] } },
    select: { id: true, name: true },
  })
  const names = new Map(teams.map((t) => [t.id, t.name]))
  for (const g of groups) {
    const calls = g._sum.calls ?? 0
    if (calls === 0) continue
    const list = byVersion.get(g.versionId) ?? []
    list.push({ teamId: g.consumerTeamId, name: names.get(g.consumerTeamId) ?? 'Deleted team', calls })
    byVersion.set(g.versionId, list)
  }
  for (const list of byVersion.values()) list.sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name))
  return byVersion
}
