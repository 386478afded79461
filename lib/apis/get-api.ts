import type { TeamReadScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'

// Everything the API detail page shows except the OpenAPI texts, which load one version at a time.
const VERSION_SELECT = {
  id: true,
  version: true,
  major: true,
  state: true,
  upstreamUrl: true,
  timeoutMs: true,
  captureMode: true,
  captureRetentionDays: true,
  publishedAt: true,
  deprecatedAt: true,
  sunsetAt: true,
  retiredAt: true,
  successorId: true,
  createdAt: true,
  updatedAt: true,
} as const

/** The team's API by slug, or null: another team's slug is indistinguishable from a missing one. */
export async function getApiBySlug({ teamId }: TeamReadScope, { slug }: { slug: string }, tx?: Tx) {
  return (tx ?? db).api.findFirst({
    where: { teamId, slug },
    include: {
      tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
      versions: { select: VERSION_SELECT, orderBy: [{ major: 'desc' }, { createdAt: 'desc' }] },
      plans: { where: { teamId }, orderBy: [{ archivedAt: 'asc' }, { createdAt: 'asc' }] },
    },
  })
}

export type ApiDetail = NonNullable<Awaited<ReturnType<typeof getApiBySlug>>>
export type ApiVersionSummary = ApiDetail['versions'][number]
