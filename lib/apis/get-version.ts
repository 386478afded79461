import type { TeamReadScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'

/**
 * One version with its OpenAPI text, looked up by team and id (and API, when given); null for
 * another team's version, which is indistinguishable from a missing one.
 */
export async function getVersion(
  { teamId }: TeamReadScope,
  { versionId, apiId }: { versionId: string; apiId?: string },
  tx?: Tx,
) {
  return (tx ?? db).apiVersion.findFirst({
    where: { id: versionId, teamId, ...(apiId ? { apiId } : {}) },
    include: { api: { select: { id: true, slug: true, name: true, kind: true } } },
  })
}

export type VersionWithApi = NonNullable<Awaited<ReturnType<typeof getVersion>>>
