import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { diffOpenApiTexts } from '@/lib/openapi/diff-openapi-off-thread'
import type { VersionDiffQuery } from './schemas'

/** The changes from one version of an API to another (any two, in either direction). */
export async function getVersionDiff(
  { teamId }: TeamReadScope,
  { apiId, fromVersionId, toVersionId }: VersionDiffQuery,
) {
  const versions = await db.apiVersion.findMany({
    where: { teamId, apiId, id: { in: [fromVersionId, toVersionId] } },
    select: { id: true, version: true, state: true, openapi: true },
  })
  const from = versions.find((v) => v.id === fromVersionId)
  const to = versions.find((v) => v.id === toVersionId)
  if (!from || !to) throw notFound('Version')
  // Both texts go to a worker thread, parsed and compared there (the diff follows $refs itself,
  // memoised and under a work budget): a large pair never holds the event loop.
  const changes = await diffOpenApiTexts(from.openapi, to.openapi)
  return {
    from: { id: from.id, version: from.version, state: from.state },
    to: { id: to.id, version: to.version, state: to.state },
    changes,
    breakingCount: changes.filter((c) => c.breaking).length,
  }
}
