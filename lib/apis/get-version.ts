import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'

/** One version with its OpenAPI text, looked up by team and id; null for another team's version. */
export async function getVersion({ teamId, versionId, apiId }: { teamId: string; versionId: string; apiId?: string }) {
  return db.apiVersion.findFirst({
    where: { id: versionId, teamId, ...(apiId ? { apiId } : {}) },
    include: { api: { select: { id: true, slug: true, name: true, kind: true } } },
  })
}

export async function requireVersion(args: { teamId: string; versionId: string; apiId?: string }) {
  const version = await getVersion(args)
  if (!version) throw notFound('Version')
  return version
}

export type VersionWithApi = NonNullable<Awaited<ReturnType<typeof getVersion>>>
