import type { SourceResult } from './parse-openapi-source.mjs'
import type { OpenApiError } from './validate-openapi'

export type LoadedDocument = { ok: true; document: Record<string, unknown> } | { ok: false; errors: OpenApiError[] }

export const NO_DOCUMENT_ERROR: OpenApiError = { path: '', message: 'This version has no OpenAPI document' }

/** A parse result as a readable contract: only an object can be one. */
export function toLoadedDocument(parsed: SourceResult): LoadedDocument {
  if (!parsed.ok) return { ok: false, errors: [parsed.error] }
  const value = parsed.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      errors: [{ path: '', message: 'The document must be a JSON or YAML object with an "openapi" field' }],
    }
  }
  return { ok: true, document: value as Record<string, unknown> }
}
