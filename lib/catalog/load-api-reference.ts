import { loadOpenApiDocument } from '@/lib/openapi/load-openapi-document'
import type { OpenApiError } from '@/lib/openapi/validate-openapi'

export type ApiReferenceResult = { ok: true; document: Record<string, unknown> } | { ok: false; errors: OpenApiError[] }

/**
 * The selected version's contract, parsed for rendering, $refs and all (the renderer resolves
 * them as it goes, and never inlines the document). Contracts were validated when they were
 * saved, so this only parses, under the parse-time limits and off the event loop for YAML; a row
 * written by hand may still fail, so errors are returned, not thrown.
 */
export async function loadApiReference(openapi: string): Promise<ApiReferenceResult> {
  return loadOpenApiDocument(openapi)
}
