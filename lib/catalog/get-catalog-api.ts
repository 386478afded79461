import { db } from '@/lib/db'
import type { Prisma } from '@/generated/sqlite/client'
import { LIFECYCLE_EVENT_SELECT, type LifecycleEventRow } from '@/lib/lifecycle/list-lifecycle-events'
import { CATALOG_API_SELECT } from './catalog-api-select'
import { compareVersionsNewestFirst, pickDefaultVersion } from './pick-default-version'
import type { CatalogViewer } from './visible-api-where'

// The timeline shows the recent history; the team's own APIs page has the full audit trail.
const MAX_EVENTS = 50

const API_SELECT = {
  ...CATALOG_API_SELECT,
  teamId: true,
  // The API's page also names whom to contact.
  team: { select: { ...CATALOG_API_SELECT.team.select, contactEmail: true } },
  // Everything but the OpenAPI text: only the selected version's document is loaded.
  versions: {
    select: {
      id: true,
      version: true,
      major: true,
      state: true,
      createdAt: true,
      publishedAt: true,
      deprecatedAt: true,
      sunsetAt: true,
      retiredAt: true,
      successorId: true,
    },
  },
  plans: {
    where: { archivedAt: null },
    orderBy: [{ createdAt: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      rateLimit: true,
      rateWindow: true,
      tokensPerMinute: true,
      approval: true,
      paid: true,
      currency: true,
      pricePerCallMicros: true,
      pricePerMInputMicros: true,
      pricePerMOutputMicros: true,
      freeCallsPerMonth: true,
    },
  },
} satisfies Prisma.ApiSelect

type ApiRow = Prisma.ApiGetPayload<{ select: typeof API_SELECT }>
export type CatalogVersion = ApiRow['versions'][number] & { successor: { id: string; version: string } | null }
export type CatalogPlan = ApiRow['plans'][number]
export type CatalogEvent = LifecycleEventRow
export type SelectedContract = {
  teamId: string
  updatedAt: Date
  contractIndex: string | null
  convertedFrom: string | null
}

export type CatalogApiDetail = {
  api: Omit<ApiRow, 'versions' | 'plans' | 'tags' | 'teamId'> & { tags: string[] }
  /** True when the viewer belongs to the owning team (they also see DRAFT versions). */
  isOwner: boolean
  /** Newest first; DRAFT versions only for the owning team. */
  versions: CatalogVersion[]
  /** With what its reference page shows: the stored index (read it with readContractIndex). */
  selected: (CatalogVersion & SelectedContract) | null
  plans: CatalogPlan[]
  events: CatalogEvent[]
}

/**
 * One API as the catalog shows it to `viewer`, or null, which the page turns into a 404. Another
 * team's PRIVATE API and an API that has only drafts are indistinguishable from a missing one.
 * `version` is a label such as "v2"; an unknown label falls back to the default version.
 */
export async function getCatalogApi(
  viewer: CatalogViewer,
  input: { team: string; api: string; version?: string },
): Promise<CatalogApiDetail | null> {
  const row = await db.api.findFirst({
    where: { slug: input.api, team: { slug: input.team } },
    select: API_SELECT,
  })
  if (!row) return null
  const isOwner = viewer.teamIds.includes(row.teamId)
  if (!isOwner && (row.visibility !== 'INTERNAL' || row.state === 'DRAFT')) return null

  const visible = row.versions.filter((v) => isOwner || v.state !== 'DRAFT').sort(compareVersionsNewestFirst)
  const labels = new Map(visible.map((v) => [v.id, v.version]))
  const versions: CatalogVersion[] = visible.map((v) => {
    const successorLabel = v.successorId ? labels.get(v.successorId) : undefined
    return { ...v, successor: v.successorId && successorLabel ? { id: v.successorId, version: successorLabel } : null }
  })
  const chosen =
    versions.find((v) => v.version === input.version) ?? pickDefaultVersion(versions) ?? versions[0] ?? null

  const [document, events] = await Promise.all([
    chosen
      ? db.apiVersion.findFirst({
          where: { id: chosen.id, apiId: row.id, teamId: row.teamId },
          // Never the document itself: the page shows the index, and fetches details on demand.
          select: { teamId: true, updatedAt: true, contractIndex: true, convertedFrom: true },
        })
      : null,
    db.lifecycleEvent.findMany({
      // Other teams do not see the history of unreleased drafts.
      where: {
        apiId: row.id,
        teamId: row.teamId,
        ...(isOwner ? {} : { OR: [{ versionId: null }, { version: { state: { not: 'DRAFT' } } }] }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_EVENTS,
      select: LIFECYCLE_EVENT_SELECT,
    }),
  ])

  const { versions: _versions, plans, tags, teamId: _teamId, ...api } = row
  return {
    api: { ...api, tags: tags.map((t) => t.tag) },
    isOwner,
    versions,
    selected:
      chosen && document
        ? { ...chosen, ...document }
        : chosen
          ? { ...chosen, teamId: row.teamId, updatedAt: chosen.createdAt, contractIndex: null, convertedFrom: null }
          : null,
    plans,
    events,
  }
}
