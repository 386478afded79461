import { validateOpenApi, type OpenApiError } from '@/lib/openapi/validate-openapi'

export type ApiReferenceResult =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; errors: OpenApiError[] }

/**
 * The selected version's contract, dereferenced for rendering. Published contracts were validated
 * at publish time, but a draft (or a row written by hand) may not be, so errors are returned, not thrown.
 */
export async function loadApiReference(openapi: string): Promise<ApiReferenceResult> {
  if (!openapi.trim()) return { ok: false, errors: [{ path: '', message: 'This version has no OpenAPI document' }] }
  const result = await validateOpenApi(openapi)
  return result.ok ? { ok: true, document: result.dereferenced } : { ok: false, errors: result.errors }
}
