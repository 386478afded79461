import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { loadStoredContract } from '@/lib/catalog/stored-contract-cache'
import type { VersionDiffQuery } from './schemas'

/** The changes from one version of an API to another (any two, in either direction). */
export async function getVersionDiff(
  { teamId }: TeamReadScope,
  { apiId, fromVersionId, toVersionId }: VersionDiffQuery,
) {
  const versions = await db.apiVersion.findMany({
    where: { teamId, apiId, id: { in: [fromVersionId, toVersionId] } },
    // Not the documents: they are read once per version and kept (stored-contract-cache.ts).
    select: { id: true, version: true, state: true, updatedAt: true },
  })
  const from = versions.find((v) => v.id === fromVersionId)
  const to = versions.find((v) => v.id === toVersionId)
  if (!from || !to) throw notFound('Version')
  const read = (version: { id: string; updatedAt: Date }) =>
    loadStoredContract(version, async () => {
      const row = await db.apiVersion.findFirst({ where: { id: version.id, teamId }, select: { openapi: true } })
      return row?.openapi ?? ''
    }).then((loaded) => (loaded.ok ? loaded.document : {}))
  const [before, after] = await Promise.all([read(from), read(to)])
  // The diff follows $refs itself, memoised and under a work budget (diff-openapi.ts).
  const changes = diffOpenApi(before, after)
  return {
    from: { id: from.id, version: from.version, state: from.state },
    to: { id: to.id, version: to.version, state: to.state },
    changes,
    breakingCount: changes.filter((c) => c.breaking).length,
  }
}
