import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { parseOpenApiText } from '@/lib/openapi/parse-openapi-text'

/** The changes from one version of an API to another (any two, in either direction). */
export async function getVersionDiff({ teamId, apiId, fromVersionId, toVersionId }: { teamId: string; apiId: string; fromVersionId: string; toVersionId: string }) {
  const versions = await db.apiVersion.findMany({
    where: { teamId, apiId, id: { in: [fromVersionId, toVersionId] } },
    select: { id: true, version: true, state: true, openapi: true },
  })
  const from = versions.find((v) => v.id === fromVersionId)
  const to = versions.find((v) => v.id === toVersionId)
  if (!from || !to) throw notFound('Version')
  const changes = diffOpenApi(parseDocument(from.openapi), parseDocument(to.openapi))
  return {
    from: { id: from.id, version: from.version, state: from.state },
    to: { id: to.id, version: to.version, state: to.state },
    changes,
    breakingCount: changes.filter((c) => c.breaking).length,
  }
}

/** Stored documents were validated on save, so parsing only fails on data written by hand. */
export function parseDocument(text: string): unknown {
  const parsed = parseOpenApiText(text)
  return parsed.ok ? parsed.value : {}
}
