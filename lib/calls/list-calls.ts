import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { teamScopeWhere } from '@/lib/teams/team-view'
import { paginateCursor, type CursorPage } from '@/lib/pagination/paginate-cursor'
import { CALLS_PAGE_SIZE, NO_KEY, type AttemptsFilter, type CallLogQuery, type StatusFilter } from './schemas'

// One page of the call log, newest first, through the keyset cursors of lib/pagination: every page
// is an index range scan on (ownerTeamId|consumerTeamId, createdAt), however deep.

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
  /** AI calls: the exposed model asked for and the provider model that served (null for REST). */
  model: string | null
  provider: string | null
  inputTokens: number
  outputTokens: number
  costMicros: bigint
  /** No usage came from the provider: the tokens were counted by the tokenizer. */
  usageEstimated: boolean
}

export type CallPage = CursorPage<CallRow>

export async function listCalls(
  { teamId }: TeamReadScope,
  { pageSize = CALLS_PAGE_SIZE, ...query }: CallLogQuery & { pageSize?: number },
): Promise<CallPage> {
  return paginateCursor(
    { after: query.after, before: query.before, pageSize },
    {
      findMany: ({ keyset, orderBy, take }) =>
        db.invocation.findMany({
          where: { AND: [callFilterWhere(teamId, query), ...keyset] },
          orderBy,
          take,
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
            model: true,
            provider: true,
            inputTokens: true,
            outputTokens: true,
            costMicros: true,
            usageEstimated: true,
          },
        }),
      mapPage: withNames,
    },
  )
}

type InvocationRow = Omit<CallRow, 'apiName' | 'version' | 'keyPrefix'> & { keyId: string | null }

/** The API names, version labels and key prefixes of one page, in one query each. */
async function withNames(page: InvocationRow[]): Promise<CallRow[]> {
  const ids = (pick: (r: InvocationRow) => string | null) => [
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
  return page.map(({ keyId, ...r }) => ({
    ...r,
    apiName: r.apiId ? (apiNames.get(r.apiId) ?? null) : null,
    version: r.versionId ? (versionLabels.get(r.versionId) ?? null) : null,
    keyPrefix: keyId ? (keyPrefixes.get(keyId) ?? null) : null,
  }))
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
    ...(query.model ? { model: query.model } : query.ai || query.attempts ? { model: { not: null } } : {}),
    ...aiScopeWhere(query),
    ...(query.provider ? { provider: query.provider } : {}),
    ...(query.estimated ? { usageEstimated: true } : {}),
    // The team scope stays: an owner only ever lists calls to its own APIs, whatever key it names.
    ...(query.keyId ? { keyId: query.keyId === NO_KEY ? null : query.keyId } : {}),
    // Only next to the owner scope: in the consumer view consumerTeamId IS the scope, and a second
    // value here would replace it.
    ...(query.view === 'owner' && query.consumerTeamId ? { consumerTeamId: query.consumerTeamId } : {}),
    ...(query.status ? { status: statusWhere(query.status) } : {}),
    ...(query.slowMs !== undefined ? { latencyMs: { gte: query.slowMs } } : {}),
  }
}

// As lib/metering/ai-rollups.ts decides: a provider failed the call when it answered 5xx or the
// stream broke before any output (upstream_unreachable); every other call without a provider was
// refused by the gateway before any provider call. Prisma's `not` skips NULLs, hence the OR.
const PROVIDER_FAILED: Prisma.InvocationWhereInput = {
  OR: [{ status: { gte: 500 } }, { errorCode: 'upstream_unreachable' }],
}
const AI_SCOPE_WHERE = {
  reached: { OR: [{ provider: { not: null } }, PROVIDER_FAILED] },
  served: {
    provider: { not: null },
    status: { lt: 500 },
    OR: [{ errorCode: null }, { errorCode: { not: 'upstream_unreachable' } }],
  },
} satisfies Record<'reached' | 'served', Prisma.InvocationWhereInput>

// As AiUsageRollup counts them: served first time is served with one attempt; by a fallback is
// served after more than one (a call every provider failed is neither, whatever its attempts).
const ATTEMPTS_WHERE = {
  first: { ...AI_SCOPE_WHERE.served, attempts: { lte: 1 } },
  fallback: { ...AI_SCOPE_WHERE.served, attempts: { gt: 1 } },
} satisfies Record<AttemptsFilter, Prisma.InvocationWhereInput>

/** The AI scope and attempts filters, each its own AND term (both use OR). */
function aiScopeWhere({ ai, attempts }: CallLogQuery): Prisma.InvocationWhereInput {
  const terms = [
    ...(ai === 'reached' || ai === 'served' ? [AI_SCOPE_WHERE[ai]] : []),
    ...(attempts ? [ATTEMPTS_WHERE[attempts]] : []),
  ]
  return terms.length > 0 ? { AND: terms } : {}
}

function statusWhere(status: StatusFilter): Prisma.IntFilter {
  if (status.kind === 'code') return { equals: status.code }
  if (status.value === 'errors') return { gte: 400, lt: 600 }
  return { gte: Number(status.value[0]) * 100, lt: Number(status.value[0]) * 100 + 100 }
}
