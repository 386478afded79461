import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { visibleVersionWhere, type CatalogViewer } from './visible-api-where'

// "Download the contract" on the reference: the version's OpenAPI document exactly as stored
// (the author's JSON or YAML, or the OpenAPI 3 conversion of a Swagger 2.0 upload), to a viewer
// who may read the version. The file name says which API and version it is.

export async function loadContractDownload(viewer: CatalogViewer, { versionId }: { versionId: string }) {
  const version = await db.apiVersion.findFirst({
    where: { id: versionId, ...visibleVersionWhere(viewer) },
    select: { openapi: true, version: true, api: { select: { slug: true } } },
  })
  if (!version) throw notFound('API version')
  const json = version.openapi.trimStart().startsWith('{')
  const safeSlug = version.api.slug.replace(/[^a-z0-9-]/gi, '-')
  const safeVersion = version.version.replace(/[^a-z0-9.-]/gi, '-')
  return {
    text: version.openapi,
    contentType: json ? 'application/json' : 'application/yaml',
    fileName: `${safeSlug}-${safeVersion}.openapi.${json ? 'json' : 'yaml'}`,
  }
}
