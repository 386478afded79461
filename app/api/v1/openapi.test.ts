import { describe, expect, test } from 'vitest'
import { validateOpenApi } from '@/lib/openapi/validate-openapi'
import { GET } from './openapi.json/route'
import { MANAGEMENT_ROUTES } from './route-list'

// The management API's contract: generated from the zod schemas, valid by the same validator that
// checks every contract a team uploads, and in step with the official route list.

async function document() {
  const response = GET()
  expect(response.status).toBe(200)
  return (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> }
}

describe('openapi.json', () => {
  test('is a valid OpenAPI 3.1 document by the project’s own validator', async () => {
    const doc = await document()
    expect(doc.openapi).toBe('3.1.0')
    const result = await validateOpenApi(JSON.stringify(doc))
    expect(result.ok ? 'valid' : result.errors).toBe('valid')
  })

  test('documents every route of the list, and no other', async () => {
    const doc = await document()
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(documented.sort()).toEqual(MANAGEMENT_ROUTES.map((r) => `${r.method} ${r.path}`).sort())
  })

  test('request bodies are the console’s schemas, without the ids the path names', async () => {
    const doc = await document()
    type Operation = {
      requestBody?: {
        content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }>
      }
      parameters?: Array<{ name: string; in: string }>
    }
    const create = doc.paths['/api/v1/teams/{team}/apis/{api}/versions'].post as Operation
    const schema = create.requestBody!.content['application/json'].schema
    expect(Object.keys(schema.properties).sort()).toEqual(['openapi', 'timeoutMs', 'upstreamUrl', 'version'])
    expect(schema.required?.sort()).toEqual(['openapi', 'upstreamUrl', 'version'])
    expect(Object.keys(create.requestBody!.content)).toContain('multipart/form-data')
    expect(create.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:team', 'path:api', 'header:idempotency-key']),
    )
    const patch = doc.paths['/api/v1/teams/{team}/apis/{api}'].patch as Operation
    expect(patch.parameters?.map((p) => p.name)).toContain('if-match')
  })
})
