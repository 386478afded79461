import { visibleVersionWhere, type CatalogViewer } from '@/lib/catalog/visible-api-where'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'

/**
 * The gateway path of a version the viewer can see: INTERNAL APIs for everyone, PRIVATE ones for
 * their own teams, and drafts only for the owning team (the gateway answers 404 for those anyway).
 */
export async function resolveTryItTarget(viewer: CatalogViewer, { versionId }: { versionId: string }) {
  const version = await db.apiVersion.findFirst({
    where: { id: versionId, ...visibleVersionWhere(viewer) },
    select: {
      id: true,
      version: true,
      state: true,
      updatedAt: true,
      openapi: true,
      teamId: true,
      api: { select: { id: true, slug: true, kind: true, team: { select: { slug: true } } } },
    },
  })
  if (!version) throw notFound('API version')
  return {
    versionId: version.id,
    apiId: version.api.id,
    apiKind: version.api.kind,
    ownerTeamId: version.teamId,
    label: version.version,
    state: version.state,
    updatedAt: version.updatedAt,
    openapi: version.openapi,
    gatewayPath: `/gw/${version.api.team.slug}/${version.api.slug}/${version.version}`,
  }
}
