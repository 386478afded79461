import { listOperations } from '@/lib/openapi/list-operations'
import { parseOpenApiSource } from '@/lib/openapi/parse-openapi-source.mjs'

/**
 * The operations of a seeded contract as calls a client would make: "GET /forecast/daily", with
 * each path template filled in ("/orders/{id}" → "/orders/1042"). Empty when the document has none.
 */
export function contractOperations(openapi: string): Array<{ method: string; path: string }> {
  const parsed = parseOpenApiSource(openapi)
  if (!parsed.ok) throw new Error(`A seeded contract does not parse: ${parsed.error.message}`)
  return listOperations(parsed.value).map((entry) => ({
    method: entry.method.toUpperCase(),
    path: entry.path.replace(/\{[^}]+\}/g, '1042'),
  }))
}
