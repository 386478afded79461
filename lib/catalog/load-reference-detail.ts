import { db } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import {
  buildOperationDetail,
  buildSchemaDetail,
  type OperationModel,
  type SchemaEntry,
} from '@/lib/openapi/build-reference-detail'
import { HTTP_METHODS } from '@/lib/openapi/list-operations'
import { loadStoredContract } from './stored-contract-cache'
import { visibleVersionWhere, type CatalogViewer } from './visible-api-where'

export type ReferenceDetailQuery = { versionId: string; operation?: string; schema?: string }
export type ReferenceDetail = { operation: OperationModel } | { schema: SchemaEntry }

const MAX_QUERY_CHARS = 2_048

/**
 * One operation ("get /pets/{id}") or one schema ("#/components/schemas/Pet") of a version the
 * viewer may read, for the reference page to show when it is opened. The document is parsed once
 * and kept (stored-contract-cache.ts); it was validated when it was saved.
 */
export async function loadReferenceDetail(
  viewer: CatalogViewer,
  { versionId, operation, schema }: ReferenceDetailQuery,
): Promise<ReferenceDetail> {
  const wanted = parseQuery(operation, schema)
  const version = await db.apiVersion.findFirst({
    where: { id: versionId, ...visibleVersionWhere(viewer) },
    select: { id: true, teamId: true, updatedAt: true },
  })
  if (!version) throw notFound('API version')
  const loaded = await loadStoredContract(version, async () => {
    const row = await db.apiVersion.findFirst({
      where: { id: version.id, teamId: version.teamId },
      select: { openapi: true },
    })
    return row?.openapi ?? ''
  })
  if (!loaded.ok) throw notFound('OpenAPI document')
  return detailOf(loaded.document, wanted)
}

/** The same for a document in hand (the management API's own reference at /docs/api). */
export function referenceDetailOf(document: unknown, { operation, schema }: Omit<ReferenceDetailQuery, 'versionId'>) {
  return detailOf(document, parseQuery(operation, schema))
}

function detailOf(document: unknown, wanted: { method: string; path: string } | { ref: string }): ReferenceDetail {
  if ('ref' in wanted) {
    const entry = buildSchemaDetail(document, wanted.ref)
    if (!entry) throw notFound('Schema')
    return { schema: entry }
  }
  const model = buildOperationDetail(document, wanted)
  if (!model) throw notFound('Operation')
  return { operation: model }
}

function parseQuery(operation?: string, schema?: string): { method: string; path: string } | { ref: string } {
  if (schema !== undefined) {
    if (schema.length > MAX_QUERY_CHARS || !schema.startsWith('#/'))
      throw invalid('Name a schema by its local reference', {
        schema: ['Use a reference like #/components/schemas/Pet'],
      })
    return { ref: schema }
  }
  const match = operation && operation.length <= MAX_QUERY_CHARS ? /^([a-z]+) (\/.*)$/.exec(operation) : null
  if (!match || !(HTTP_METHODS as readonly string[]).includes(match[1]))
    throw invalid('Name an operation by its method and path', { operation: ['Use "get /pets/{id}"'] })
  return { method: match[1], path: match[2] }
}
