import { db } from '@/lib/db'
import type { PaymentIncident } from '@/generated/sqlite/client'

// PaymentIncident rows carry bare ids (no relations: the gateway writes them in bulk), so the
// list and the detail page look the names up in one query per kind for the whole page.

export type IncidentRow = {
  id: string
  cause: string
  state: 'OPEN' | 'RESOLVED'
  firstSeenAt: Date
  lastSeenAt: Date
  blockedCalls: number
  blockedRevenueMicros: bigint
  resolution: string | null
  resolvedAt: Date | null
  api: { id: string; name: string; slug: string }
  ownerTeam: { id: string; name: string; slug: string }
  consumerTeam: { id: string; name: string; slug: string }
}

const DELETED = { name: 'Deleted', slug: 'deleted' }

export async function toIncidentRows(incidents: PaymentIncident[]): Promise<IncidentRow[]> {
  if (incidents.length === 0) return []
  const apiIds = [...new Set(incidents.map((i) => i.apiId))]
  const teamIds = [...new Set(incidents.flatMap((i) => [i.ownerTeamId, i.consumerTeamId]))]
  const [apis, teams] = await Promise.all([
    db.api.findMany({ where: { id: { in: apiIds } }, select: { id: true, name: true, slug: true } }),
    db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true, slug: true } }),
  ])
  const apiById = new Map(apis.map((a) => [a.id, a]))
  const teamById = new Map(teams.map((t) => [t.id, t]))
  return incidents.map((i) => ({
    id: i.id,
    cause: i.cause,
    state: i.state,
    firstSeenAt: i.firstSeenAt,
    lastSeenAt: i.lastSeenAt,
    blockedCalls: i.blockedCalls,
    blockedRevenueMicros: i.blockedRevenueMicros,
    resolution: i.resolution,
    resolvedAt: i.resolvedAt,
    api: apiById.get(i.apiId) ?? { id: i.apiId, ...DELETED },
    ownerTeam: teamById.get(i.ownerTeamId) ?? { id: i.ownerTeamId, ...DELETED },
    consumerTeam: teamById.get(i.consumerTeamId) ?? { id: i.consumerTeamId, ...DELETED },
  }))
}
