import { invalid } from '@/lib/errors/app-error'
import { formatOpenApiError } from '@/lib/openapi/format-openapi-error'
import { validateForStorage } from '@/lib/openapi/validate-openapi'

/** Validates the text or throws a 422 whose `openapi` field errors each carry a JSON pointer. */
export async function assertValidOpenApi(text: string) {
  const result = await validateForStorage(text)
  if (!result.ok) {
    const count = result.errors.length
    throw invalid(
      `The OpenAPI document has ${count} error${count === 1 ? '' : 's'}`,
      { openapi: result.errors.map(formatOpenApiError) },
      'invalid_openapi',
    )
  }
  return result
}
