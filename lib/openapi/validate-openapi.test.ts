import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { ordersV1Yaml } from './fixtures/orders'
import { petstoreV1 } from './fixtures/petstore'
import { pointersByLine } from './locate-validation-error.mjs'
import { validateOpenApi } from './validate-openapi'

describe('validateOpenApi', () => {
  test('accepts an OpenAPI 3.0 JSON document and hands it back as written, $refs kept', async () => {
    const result = await validateOpenApi(JSON.stringify(petstoreV1, null, 2))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.info).toMatchObject({ openapi: '3.0.3', title: 'Pet Store', version: '1.0.0', operationCount: 4 })
    expect(result.document).toEqual(petstoreV1)
  })

  test('accepts an OpenAPI 3.1 YAML document', async () => {
    const result = await validateOpenApi(ordersV1Yaml)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.info).toMatchObject({ openapi: '3.1.0', title: 'Orders', operationCount: 2 })
  })

  test('accepts the 3.0 fixture written as YAML too', async () => {
    expect((await validateOpenApi(stringify(petstoreV1))).ok).toBe(true)
  })

  test.each([
    ['empty text', '', '', /empty/],
    ['whitespace only', '  \n\t ', '', /empty/],
    ['binary content', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', '', /binary/],
    ['a JSON array', '[1, 2, 3]', '', /must be a JSON or YAML object/],
    ['a bare YAML scalar', 'just some words', '', /must be a JSON or YAML object/],
    ['broken JSON', '{"openapi": "3.0.0",', '', /Invalid JSON/],
    ['broken YAML', 'openapi: 3.0.0\ninfo: [unclosed', '', /^Invalid YAML: .+ at line 2, column \d+$/],
    ['Swagger 2.0', JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }), '/swagger', /Swagger 2\.0 is not supported/],
    ['no openapi field', JSON.stringify({ info: { title: 't', version: '1' }, paths: {} }), '/openapi', /Only OpenAPI 3\.0\.x and 3\.1\.x/],
    ['OpenAPI 3.2', JSON.stringify({ openapi: '3.2.0', info: { title: 't', version: '1' }, paths: {} }), '/openapi', /found "openapi": "3\.2\.0"/],
    ['a remote $ref', JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: 'https://evil.example/r.json' } } } } } }), '/paths/~1a/get/responses/200/$ref', /Only local references/],
  ])('rejects %s with a clear message', async (_name, text, path, message) => {
    const result = await validateOpenApi(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0].path).toBe(path)
    expect(result.errors[0].message).toMatch(message)
  })

  test('schema errors carry the JSON pointer of the offending value', async () => {
    const doc = structuredClone(petstoreV1) as any
    delete doc.paths['/pets/{petId}'].get.responses['200'].description
    doc.components.schemas.Owner.properties.name.type = 'strin'
    delete doc.info.version
    const result = await validateOpenApi(JSON.stringify(doc))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.errors.map((e) => e.path)
    expect(paths).toContain('/paths/~1pets~1{petId}/get/responses/200')
    expect(paths).toContain('/info')
    expect(result.errors.find((e) => e.path === '/info')?.message).toMatch(/version/)
    // The bad type is reported where it is written, in the shared component, not at a use site.
    expect(paths).toContain('/components/schemas/Owner/properties/name/type')
    expect(result.errors.find((e) => e.path === '/components/schemas/Owner/properties/name/type')?.message).toMatch(/allowed values.*Did you mean string/)
  })

  test('spec-rule and $ref errors are located too', async () => {
    const doc = structuredClone(petstoreV1) as any
    doc.paths['/pets/{petId}'].parameters = []
    const missingParam = await validateOpenApi(JSON.stringify(doc))
    expect(missingParam.ok).toBe(false)
    if (!missingParam.ok) expect(missingParam.errors[0]).toMatchObject({ path: '/paths/~1pets~1{petId}/get', message: expect.stringMatching(/missing path parameter/) })

    const dangling = structuredClone(petstoreV1) as any
    dangling.paths['/pets'].post.requestBody.content['application/json'].schema.$ref = '#/components/schemas/Nope'
    const danglingResult = await validateOpenApi(JSON.stringify(dangling))
    expect(danglingResult.ok).toBe(false)
    if (!danglingResult.ok) {
      expect(danglingResult.errors[0]).toEqual({ path: '/paths/~1pets/post/requestBody/content/application~1json/schema/$ref', message: 'The reference #/components/schemas/Nope points at nothing' })
    }

    const duplicate = structuredClone(petstoreV1) as any
    duplicate.paths['/pets/{petId}'].get.operationId = 'listPets'
    const duplicateResult = await validateOpenApi(JSON.stringify(duplicate))
    expect(duplicateResult.ok).toBe(false)
    if (!duplicateResult.ok) expect(duplicateResult.errors[0].path).toBe('/paths/~1pets~1{petId}/get/operationId')
  })
})

test('pointersByLine matches JSON.stringify line for line', () => {
  const value = { a: [1, { b: {} }, []], 'c/d': { e: 'x', f: null } }
  const lines = JSON.stringify(value, null, 2).split('\n')
  const pointers = pointersByLine(value)
  expect(pointers.length - 1).toBe(lines.length)
  expect(lines[pointers.indexOf('/a/1/b') - 1].trim()).toBe('"b": {}')
  expect(lines[pointers.indexOf('/c~1d/f') - 1].trim()).toBe('"f": null')
})
