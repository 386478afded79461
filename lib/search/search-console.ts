import { visibleApiWhere } from '@/lib/catalog/visible-api-where'
import { db } from '@/lib/db'

// The console's global search (Ctrl/Cmd-K), scoped to what the user may see. From a team page it
// searches that team: its APIs and versions, the catalog's INTERNAL APIs of other teams, the
// user's own teams, the team's keys by prefix, its calls by request id (as owner or consumer) and
// its payment incidents. Outside a team (the catalog, the docs, the account pages) it searches all
// of the user's teams alike, each hit labelled with its team. Every query carries the searched
// teams (or the user's teams) in its WHERE clause.

export type SearchHit = {
  kind: 'api' | 'version' | 'team' | 'key' | 'call' | 'incident'
  label: string
  detail: string
  href: string
  /** Outside a team: the name of the user's team the hit belongs to. */
  team?: string
}

/** Whose search it is: a user from one of their teams, or, with no `teamId`, from all of them. */
export type SearchScope = { userId: string; teamId?: string }

const PER_KIND = 5

export async function searchConsole({ userId, teamId }: SearchScope, { q }: { q: string }): Promise<SearchHit[]> {
  const query = q.trim()
  if (query.length === 0) return []
  const lower = query.toLowerCase()
  // The user's teams decide which PRIVATE APIs and which team pages they may see.
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
    orderBy: [{ team: { name: 'asc' } }, { id: 'asc' }],
  })
  const searched = new Map(
    memberships.filter((m) => teamId === undefined || m.team.id === teamId).map((m) => [m.team.id, m.team]),
  )
  if (searched.size === 0) return []
  const searchedIds = [...searched.keys()]
  const teamIds = memberships.map((m) => m.team.id)
  const teamPath = (id: string) => `/t/${encodeURIComponent(searched.get(id)!.slug)}`
  // Across teams every hit names the team it belongs to; from one team that goes without saying.
  const ofTeam = (id: string) => (teamId === undefined ? { team: searched.get(id)!.name } : {})
  // The WHERE clause matched one side of the row to a searched team: that side's pages show it.
  const searchedSide = (row: { ownerTeamId: string | null; consumerTeamId: string | null }) =>
    row.ownerTeamId && searched.has(row.ownerTeamId) ? row.ownerTeamId : row.consumerTeamId!

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
        teamId: { in: searchedIds },
        OR: [{ version: { contains: lower } }, { api: { searchText: { contains: lower } } }],
      },
      select: { id: true, teamId: true, version: true, state: true, api: { select: { slug: true, name: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: PER_KIND,
    }),
    // A prefix is what a key shows of itself (tg_live_ab12…); only the team's own keys.
    lower.length >= 3
      ? db.apiKey.findMany({
          where: { teamId: { in: searchedIds }, prefix: { startsWith: lower } },
          select: { id: true, teamId: true, name: true, prefix: true, revokedAt: true },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          take: PER_KIND,
        })
      : [],
    // Request ids are matched whole: a partial one would be a scan of the call log.
    db.invocation.findMany({
      where: {
        requestId: query,
        OR: [{ ownerTeamId: { in: searchedIds } }, { consumerTeamId: { in: searchedIds } }],
      },
      select: {
        id: true,
        requestId: true,
        method: true,
        path: true,
        status: true,
        ownerTeamId: true,
        consumerTeamId: true,
      },
      take: PER_KIND,
    }),
    db.paymentIncident.findMany({
      where: {
        OR: [{ ownerTeamId: { in: searchedIds } }, { consumerTeamId: { in: searchedIds } }],
        AND: [{ OR: [{ id: query }, { apiId: { in: await visibleApiIdsMatching(teamIds, lower) } }] }],
      },
      select: { id: true, cause: true, state: true, apiId: true, ownerTeamId: true, consumerTeamId: true },
      orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
      take: PER_KIND,
    }),
  ])

  const hits: SearchHit[] = []
  for (const api of apis.slice(0, PER_KIND * 2)) {
    const own = searched.has(api.teamId)
    hits.push({
      kind: 'api',
      label: api.name,
      detail: own ? `${api.slug} · your API` : `${api.team.name} · catalog`,
      ...(own ? ofTeam(api.teamId) : {}),
      href: own
        ? `${teamPath(api.teamId)}/apis/${encodeURIComponent(api.slug)}`
        : `/catalog/${encodeURIComponent(api.team.slug)}/${encodeURIComponent(api.slug)}`,
    })
  }
  for (const v of versions) {
    hits.push({
      kind: 'version',
      label: `${v.api.name} ${v.version}`,
      detail: v.state.toLowerCase(),
      ...ofTeam(v.teamId),
      href: `${teamPath(v.teamId)}/apis/${encodeURIComponent(v.api.slug)}/versions/${encodeURIComponent(v.id)}`,
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
      ...ofTeam(k.teamId),
      href: `${teamPath(k.teamId)}/keys`,
    })
  }
  for (const c of calls) {
    hits.push({
      kind: 'call',
      label: c.requestId,
      detail: `${c.method} ${c.path} · ${c.status}`,
      ...ofTeam(searchedSide(c)),
      href: `${teamPath(searchedSide(c))}/calls/${encodeURIComponent(c.id)}`,
    })
  }
  for (const i of incidents) {
    hits.push({
      kind: 'incident',
      label: i.id,
      detail: `${i.cause.toLowerCase().replace(/_/g, ' ')} · ${i.state.toLowerCase()}`,
      ...ofTeam(searchedSide(i)),
      href: `${teamPath(searchedSide(i))}/incidents/${encodeURIComponent(i.id)}`,
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
