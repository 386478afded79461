import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { rollupWhere, type DashboardRequest } from './dashboard-window'

// The APIs (and, below each, the versions: the "routes") with the most failed calls in the
// window. One grouped rollup query per (api, version, status class), then one name lookup for
// the handful of ids that made the cut.

export type FailureCounts = { calls: number; clientErrors: number; serverErrors: number; errorRate: number }
export type FailingVersion = FailureCounts & { versionId: string; version: string }
export type FailingApi = FailureCounts & { apiId: string; name: string; versions: FailingVersion[] }

const UNKNOWN_API = 'Unmatched route'

export async function getTopFailingApis(
  { teamId }: TeamReadScope,
  { view, window, filter, limit = 10 }: DashboardRequest,
): Promise<FailingApi[]> {
  const groups = await db.usageRollup.groupBy({
    by: ['apiId', 'versionId', 'statusClass'],
    where: rollupWhere(teamId, { view, window, filter }),
    _sum: { calls: true },
  })

  const apis = new Map<string, { counts: FailureCounts; versions: Map<string, FailureCounts> }>()
  for (const g of groups) {
    let api = apis.get(g.apiId)
    if (!api) apis.set(g.apiId, (api = { counts: emptyCounts(), versions: new Map() }))
    let version = api.versions.get(g.versionId)
    if (!version) api.versions.set(g.versionId, (version = emptyCounts()))
    for (const c of [api.counts, version]) addCalls(c, g.statusClass, g._sum.calls ?? 0)
  }

  const ranked = [...apis]
    .filter(([, a]) => failed(a.counts) > 0)
    .sort(([, a], [, b]) => failed(b.counts) - failed(a.counts) || b.counts.errorRate - a.counts.errorRate)
    .slice(0, limit)
  if (ranked.length === 0) return []

  // '' is the rollups' "unknown" (a call that matched no API); it has no name to look up.
  const names = await db.api.findMany({
    where: { id: { in: ranked.map(([id]) => id).filter(Boolean) } },
    select: { id: true, name: true, versions: { select: { id: true, version: true } } },
  })
  const byId = new Map(names.map((a) => [a.id, a]))

  return ranked.map(([apiId, a]) => {
    const named = byId.get(apiId)
    const labels = new Map(named?.versions.map((v) => [v.id, v.version]))
    const versions = [...a.versions]
      .filter(([, v]) => failed(v) > 0)
      .sort(([, x], [, y]) => failed(y) - failed(x))
      .map(([versionId, v]) => ({
        versionId,
        version: labels.get(versionId) ?? (versionId ? 'deleted version' : 'unknown version'),
        ...v,
      }))
    return { apiId, name: named?.name ?? (apiId ? 'Deleted API' : UNKNOWN_API), ...a.counts, versions }
  })
}

function emptyCounts(): FailureCounts {
  return { calls: 0, clientErrors: 0, serverErrors: 0, errorRate: 0 }
}

function addCalls(c: FailureCounts, statusClass: number, calls: number) {
  c.calls += calls
  if (statusClass === 4) c.clientErrors += calls
  if (statusClass === 5) c.serverErrors += calls
  c.errorRate = c.calls === 0 ? 0 : (c.clientErrors + c.serverErrors) / c.calls
}

const failed = (c: FailureCounts) => c.clientErrors + c.serverErrors
