import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { teamScopeWhere } from '@/lib/teams/team-view'
import { CALLS_PAGE_SIZE, encodeCursor, type CallCursor, type CallLogQuery, type StatusFilter } from './schemas'

// One page of the call log, newest first. Keyset pagination on (createdAt, id): every page is an
// index range scan on (ownerTeamId|consumerTeamId, createdAt), as fast on page 1,000 as on page 1,
// and rows written meanwhile never shift a page (no duplicates, no gaps).

export type CallRow = {
  id: string
  requestId: string
  createdAt: Date
  method: string
  path: string
  status: number
  errorCode: string | null
  latencyMs: number
  requestBytes: number
  responseBytes: number
  apiId: string | null
  apiName: string | null
  versionId: string | null
  version: string | null
  keyPrefix: string | null
}

export type CallPage = { items: CallRow[]; nextCursor: string | null; prevCursor: string | null }

export async function listCalls(
  { teamId }: TeamReadScope,
  { pageSize = CALLS_PAGE_SIZE, ...query }: CallLogQuery & { pageSize?: number },
): Promise<CallPage> {
  const backwards = Boolean(query.before)
  const cursor = query.before ?? query.after
  const direction: Prisma.SortOrder = backwards ? 'asc' : 'desc'
  const rows = await db.invocation.findMany({
    where: { AND: [callFilterWhere(teamId, query), ...(cursor ? cursorWhere(cursor, backwards) : [])] },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: pageSize + 1,
    select: {
      id: true,
      requestId: true,
      createdAt: true,
      method: true,
      path: true,
      status: true,
      errorCode: true,
      latencyMs: true,
      requestBytes: true,
      responseBytes: true,
      apiId: true,
      versionId: true,
      keyId: true,
    },
  })
  const hasMore = rows.length > pageSize
  const page = rows.slice(0, pageSize)
  if (backwards) page.reverse()

  const ids = (pick: (r: (typeof page)[number]) => string | null) => [
    ...new Set(page.map(pick).filter((v): v is string => Boolean(v))),
  ]
  const [apis, versions, keys] = await Promise.all([
    db.api.findMany({ where: { id: { in: ids((r) => r.apiId) } }, select: { id: true, name: true } }),
    db.apiVersion.findMany({ where: { id: { in: ids((r) => r.versionId) } }, select: { id: true, version: true } }),
    db.apiKey.findMany({ where: { id: { in: ids((r) => r.keyId) } }, select: { id: true, prefix: true } }),
  ])
  const apiNames = new Map(apis.map((a) => [a.id, a.name]))
  const versionLabels = new Map(versions.map((v) => [v.id, v.version]))
  const keyPrefixes = new Map(keys.map((k) => [k.id, k.prefix]))

  const items = page.map(({ keyId, ...r }) => ({
    ...r,
    apiName: r.apiId ? (apiNames.get(r.apiId) ?? null) : null,
    version: r.versionId ? (versionLabels.get(r.versionId) ?? null) : null,
    keyPrefix: keyId ? (keyPrefixes.get(keyId) ?? null) : null,
  }))
  const firstRow = items[0]
  const lastRow = items[items.length - 1]
  return {
    items,
    // Going back, there is always an older page (the one we came from); going forward, a newer
    // one exists whenever this page did not start at the top.
    nextCursor: lastRow && (backwards || hasMore) ? encodeCursor(lastRow) : null,
    prevCursor: firstRow && (backwards ? hasMore : Boolean(cursor)) ? encodeCursor(firstRow) : null,
  }
}

/** Every filter except the cursor; the team scope is always part of it. */
export function callFilterWhere(teamId: string, query: CallLogQuery): Prisma.InvocationWhereInput {
  return {
    ...teamScopeWhere(query.view, teamId),
    // A request id is unique and may be pasted from any point in time, and an incident bounds its
    // own calls (it may span weeks), so both ignore the range; both are indexed lookups.
    ...(query.requestId || query.incidentId ? {} : { createdAt: { gte: query.from, lt: query.to } }),
    ...(query.requestId ? { requestId: query.requestId } : {}),
    ...(query.incidentId ? { incidentId: query.incidentId } : {}),
    ...(query.apiId ? { apiId: query.apiId } : {}),
    ...(query.versionId ? { versionId: query.versionId } : {}),
    ...(query.view === 'consumer' && query.keyId ? { keyId: query.keyId } : {}),
    // Only next to the owner scope: in the consumer view consumerTeamId IS the scope, and a second
    // value here would replace it.
    ...(query.view === 'owner' && query.consumerTeamId ? { consumerTeamId: query.consumerTeamId } : {}),
    ...(query.status ? { status: statusWhere(query.status) } : {}),
    ...(query.slowMs !== undefined ? { latencyMs: { gte: query.slowMs } } : {}),
  }
}

function statusWhere(status: StatusFilter): Prisma.IntFilter | number {
  if (status.kind === 'code') return status.code
  if (status.value === 'errors') return { gte: 400, lt: 600 }
  const base = Number(status.value[0]) * 100
  return { gte: base, lt: base + 100 }
}

function cursorWhere(cursor: CallCursor, backwards: boolean): Prisma.InvocationWhereInput[] {
  const beyond = backwards ? 'gt' : 'lt'
  return [
    // The plain bound lets the database narrow its index range; the OR breaks ties on id.
    { createdAt: { [backwards ? 'gte' : 'lte']: cursor.createdAt } },
    {
      OR: [{ createdAt: { [beyond]: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { [beyond]: cursor.id } }],
    },
  ]
}
