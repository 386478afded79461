import type { ContractIndex } from '@/lib/openapi/validate-openapi'
import { assertValidOpenApi } from './assert-valid-openapi'

/** The columns of ApiVersion that hold a contract and what was derived from it. */
export type StoredContract = {
  openapi: string
  openapiSource: string | null
  convertedFrom: string | null
  contractIndex: string
}

/**
 * Validates a contract once, as it is saved, and returns what to store: a Swagger 2.0 text is kept
 * as `openapiSource` beside its OpenAPI 3 conversion, and the index that pages read
 * (build-contract-index.mjs) is stored with it, so no page view validates or walks the document.
 * Throws the 422 of assertValidOpenApi for an invalid document.
 */
export async function prepareContract(text: string): Promise<StoredContract> {
  const result = await assertValidOpenApi(text)
  return {
    openapi: result.converted ? result.converted.openapi : text,
    openapiSource: result.converted ? text : null,
    convertedFrom: result.converted?.from ?? null,
    contractIndex: JSON.stringify(result.index satisfies ContractIndex),
  }
}
