import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { teamScopeWhere, type TeamView } from '@/lib/teams/team-view'
import { toIncidentRows, type IncidentRow } from './incident-output'
import { INCIDENTS_PAGE_SIZE, type ListIncidentsInput } from './schemas'

// The incidents table: OPEN first, then the most recently seen. Scoped to one side of the team
// (its calls blocked as a consumer, or the calls to its APIs blocked as the owner) in the WHERE.

export type IncidentList = OffsetPage<IncidentRow>

export async function listIncidents(
  { teamId }: TeamReadScope,
  {
    view,
    q,
    cause,
    state,
    page,
    pageSize = INCIDENTS_PAGE_SIZE,
    window,
    narrow,
  }: ListIncidentsInput & {
    /** The dashboard's window: episodes that blocked calls in it, and every open one (open is now). */
    window?: { from: Date; to: Date }
    /** The dashboard's API and (owner side) consumer team. */
    narrow?: { apiId?: string; consumerTeamId?: string }
  },
): Promise<IncidentList> {
  const filter = await incidentsWhere(teamId, { view, q, cause, state })
  const where = {
    AND: [
      filter,
      window
        ? { OR: [{ state: 'OPEN' as const }, { lastSeenAt: { gte: window.from }, firstSeenAt: { lt: window.to } }] }
        : {},
      narrow?.apiId ? { apiId: narrow.apiId } : {},
      view === 'owner' && narrow?.consumerTeamId ? { consumerTeamId: narrow.consumerTeamId } : {},
    ],
  }
  const result = await paginateOffset(
    { page, pageSize },
    {
      count: () => db.paymentIncident.count({ where }),
      // OPEN sorts before RESOLVED on both providers (text order on SQLite, enum order on PostgreSQL).
      findMany: (window) =>
        db.paymentIncident.findMany({
          where,
          orderBy: [{ state: 'asc' }, { lastSeenAt: 'desc' }, { id: 'asc' }],
          ...window,
        }),
    },
  )
  return { ...result, items: await toIncidentRows(result.items) }
}

/** The list's filter, shared by the console's numbered pages and the management API's cursors. */
export async function incidentsWhere(
  teamId: string,
  { view, q, cause, state }: Omit<ListIncidentsInput, 'page' | 'pageSize'>,
): Promise<Prisma.PaymentIncidentWhereInput> {
  const scope = teamScopeWhere(view, teamId)
  return {
    ...scope,
    ...(cause ? { cause } : {}),
    ...(state ? { state } : {}),
    ...(q ? { OR: await searchWhere(scope, view, q) } : {}),
  }
}

/**
 * Matches the API's name or slug, the incident id, and (owner side) the consumer team. Only the
 * APIs and teams this side's incidents mention are searched, so the lookup stays small.
 */
async function searchWhere(
  scope: Prisma.PaymentIncidentWhereInput,
  view: TeamView,
  q: string,
): Promise<Prisma.PaymentIncidentWhereInput[]> {
  const needle = q.toLowerCase()
  const [apiIds, consumerIds] = await Promise.all([
    db.paymentIncident
      .findMany({ where: scope, distinct: ['apiId'], select: { apiId: true } })
      .then((r) => r.map((x) => x.apiId)),
    view === 'owner'
      ? db.paymentIncident
          .findMany({ where: scope, distinct: ['consumerTeamId'], select: { consumerTeamId: true } })
          .then((r) => r.map((x) => x.consumerTeamId))
      : Promise.resolve([] as string[]),
  ])
  const [apis, teams] = await Promise.all([
    db.api.findMany({
      where: { id: { in: apiIds }, OR: [{ name: { contains: q } }, { slug: { contains: needle } }] },
      select: { id: true },
    }),
    consumerIds.length
      ? db.team.findMany({
          where: { id: { in: consumerIds }, OR: [{ name: { contains: q } }, { slug: { contains: needle } }] },
          select: { id: true },
        })
      : Promise.resolve([] as Array<{ id: string }>),
  ])
  return [
    { id: q },
    ...(apis.length ? [{ apiId: { in: apis.map((a) => a.id) } }] : []),
    ...(teams.length ? [{ consumerTeamId: { in: teams.map((t) => t.id) } }] : []),
  ]
}
