import type { TeamReadScope } from '@/lib/auth/actor'
import { visibleApiWhere } from '@/lib/catalog/visible-api-where'
import { db } from '@/lib/db'

// The console's global search (Ctrl/Cmd-K), scoped to what the user may see from the team they
// are in: that team's APIs and versions, the catalog's INTERNAL APIs of other teams, the user's own
// teams, the team's keys by prefix, its calls by request id (as owner or consumer) and its payment
// incidents. Every query carries the team (or the user's teams) in its WHERE clause.

export type SearchHit = {
  kind: 'api' | 'version' | 'team' | 'key' | 'call' | 'incident'
  label: string
  detail: string
  href: string
}

const PER_KIND = 5

export async function searchConsole(
  { teamId, userId }: TeamReadScope & { userId: string },
  { q }: { q: string },
): Promise<SearchHit[]> {
  const query = q.trim()
  if (query.length === 0) return []
  const lower = query.toLowerCase()
  // The user's teams decide which PRIVATE APIs and which team pages they may see.
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  })
  const team = memberships.find((m) => m.team.id === teamId)?.team
  if (!team) return []
  const teamPath = `/t/${encodeURIComponent(team.slug)}`
  const teamIds = memberships.map((m) => m.team.id)

  const [apis, versions, keys, calls, incidents] = await Promise.all([
    db.api.findMany({
      // searchText is lower-cased (lib/apis/search-text.ts), so LIKE matches alike on both engines.
      where: {
        AND: [
          visibleApiWhere({ teamIds }),
          { OR: [{ searchText: { contains: lower } }, { slug: { contains: lower } }] },
        ],
      },
      select: { id: true, name: true, slug: true, teamId: true, team: { select: { slug: true, name: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: PER_KIND * 2,
    }),
    db.apiVersion.findMany({
      where: {
        teamId,
        OR: [{ version: { contains: lower } }, { api: { searchText: { contains: lower } } }],
      },
      select: { id: true, version: true, state: true, api: { select: { slug: true, name: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: PER_KIND,
    }),
    // A prefix is what a key shows of itself (tg_live_ab12…); only the team's own keys.
    lower.length >= 3
      ? db.apiKey.findMany({
          where: { teamId, prefix: { startsWith: lower } },
          select: { id: true, name: true, prefix: true, revokedAt: true },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          take: PER_KIND,
        })
      : [],
    // Request ids are matched whole: a partial one would be a scan of the call log.
    db.invocation.findMany({
      where: { requestId: query, OR: [{ ownerTeamId: teamId }, { consumerTeamId: teamId }] },
      select: { id: true, requestId: true, method: true, path: true, status: true },
      take: PER_KIND,
    }),
    db.paymentIncident.findMany({
      where: {
        OR: [{ ownerTeamId: teamId }, { consumerTeamId: teamId }],
        AND: [{ OR: [{ id: query }, { apiId: { in: await visibleApiIdsMatching(teamIds, lower) } }] }],
      },
      select: { id: true, cause: true, state: true, apiId: true },
      orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
      take: PER_KIND,
    }),
  ])

  const hits: SearchHit[] = []
  for (const api of apis.slice(0, PER_KIND * 2)) {
    const own = api.teamId === teamId
    hits.push({
      kind: 'api',
      label: api.name,
      detail: own ? `${api.slug} · your API` : `${api.team.name} · catalog`,
      href: own
        ? `${teamPath}/apis/${encodeURIComponent(api.slug)}`
        : `/catalog/${encodeURIComponent(api.team.slug)}/${encodeURIComponent(api.slug)}`,
    })
  }
  for (const v of versions) {
    hits.push({
      kind: 'version',
      label: `${v.api.name} ${v.version}`,
      detail: v.state.toLowerCase(),
      href: `${teamPath}/apis/${encodeURIComponent(v.api.slug)}/versions/${encodeURIComponent(v.id)}`,
    })
  }
  for (const m of memberships) {
    if (!m.team.name.toLowerCase().includes(lower) && !m.team.slug.includes(lower)) continue
    hits.push({
      kind: 'team',
      label: m.team.name,
      detail: m.role.toLowerCase(),
      href: `/t/${encodeURIComponent(m.team.slug)}`,
    })
  }
  for (const k of keys) {
    hits.push({
      kind: 'key',
      label: `${k.prefix}…`,
      detail: `${k.name}${k.revokedAt ? ' · revoked' : ''}`,
      href: `${teamPath}/keys`,
    })
  }
  for (const c of calls) {
    hits.push({
      kind: 'call',
      label: c.requestId,
      detail: `${c.method} ${c.path} · ${c.status}`,
      href: `${teamPath}/calls/${encodeURIComponent(c.id)}`,
    })
  }
  for (const i of incidents) {
    hits.push({
      kind: 'incident',
      label: i.id,
      detail: `${i.cause.toLowerCase().replace(/_/g, ' ')} · ${i.state.toLowerCase()}`,
      href: `${teamPath}/incidents/${encodeURIComponent(i.id)}`,
    })
  }
  return hits
}

/** APIs the user may see whose text matches, for finding incidents by API name. */
async function visibleApiIdsMatching(teamIds: string[], lower: string): Promise<string[]> {
  const rows = await db.api.findMany({
    where: { AND: [visibleApiWhere({ teamIds }), { searchText: { contains: lower } }] },
    select: { id: true },
    take: 20,
  })
  return rows.map((r) => r.id)
}
