import { MAX_PASTED_OPENAPI_BYTES } from '@/lib/openapi/openapi-limits.mjs'

/**
 * What the version form may show of a stored contract: the text the author gave (the Swagger 2.0
 * original of a converted one), or null when it is too large to send to the page in a text box.
 */
export function editableContract(version: { openapi: string; openapiSource: string | null }): {
  openapi: string | null
  openapiBytes: number
} {
  const text = version.openapiSource ?? version.openapi
  const bytes = Buffer.byteLength(text, 'utf8')
  return { openapi: bytes <= MAX_PASTED_OPENAPI_BYTES ? text : null, openapiBytes: bytes }
}
