import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { loadOpenApiDocument } from '@/lib/openapi/load-openapi-document'
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
  const [before, after] = await Promise.all([parseDocument(from.openapi), parseDocument(to.openapi)])
  // The diff follows $refs itself, memoised and under a work budget (diff-openapi.ts).
  const changes = diffOpenApi(before, after)
  return {
    from: { id: from.id, version: from.version, state: from.state },
    to: { id: to.id, version: to.version, state: to.state },
    changes,
    breakingCount: changes.filter((c) => c.breaking).length,
  }
}

/** Stored documents were validated on save, so parsing only fails on data written by hand. */
export async function parseDocument(text: string): Promise<unknown> {
  const loaded = await loadOpenApiDocument(text)
  return loaded.ok ? loaded.document : {}
}
