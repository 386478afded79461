import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { deleteIn, getIn, setIn } from './fixtures/edit-json'
import { ordersV1Yaml } from './fixtures/orders'
import { petstoreV1 } from './fixtures/petstore'
import { refBomb } from './fixtures/ref-bomb'
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
    [
      'Swagger 1.2',
      JSON.stringify({ swagger: '1.2', info: { title: 't', version: '1' }, paths: {} }),
      '/swagger',
      /Only Swagger 2\.0 can be converted \(found "swagger": "1\.2"\)/,
    ],
    ['Swagger 2.0 without info', JSON.stringify({ swagger: '2.0', paths: {} }), '/info', /needs an "info" object/],
    [
      'Swagger 2.0 with a remote $ref',
      JSON.stringify({
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: { '/a': { get: { responses: { '200': { $ref: 'https://evil.example/r.json' } } } } },
      }),
      '/paths/~1a/get/responses/200/$ref',
      /Only local references/,
    ],
    [
      'no openapi field',
      JSON.stringify({ info: { title: 't', version: '1' }, paths: {} }),
      '/openapi',
      /Only OpenAPI 3\.0\.x and 3\.1\.x/,
    ],
    [
      'OpenAPI 3.2',
      JSON.stringify({ openapi: '3.2.0', info: { title: 't', version: '1' }, paths: {} }),
      '/openapi',
      /found "openapi": "3\.2\.0"/,
    ],
    [
      'a remote $ref',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 't', version: '1' },
        paths: { '/a': { get: { responses: { '200': { $ref: 'https://evil.example/r.json' } } } } },
      }),
      '/paths/~1a/get/responses/200/$ref',
      /Only local references/,
    ],
  ])('rejects %s with a clear message', async (_name, text, path, message) => {
    const result = await validateOpenApi(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0].path).toBe(path)
    expect(result.errors[0].message).toMatch(message)
  })

  test('schema errors carry the JSON pointer of the offending value', async () => {
    const doc = structuredClone(petstoreV1)
    deleteIn(doc, ['paths', '/pets/{petId}', 'get', 'responses', '200', 'description'])
    setIn(doc, ['components', 'schemas', 'Owner', 'properties', 'name', 'type'], 'strin')
    deleteIn(doc, ['info', 'version'])
    const result = await validateOpenApi(JSON.stringify(doc))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.errors.map((e) => e.path)
    expect(paths).toContain('/paths/~1pets~1{petId}/get/responses/200')
    expect(paths).toContain('/info')
    expect(result.errors.find((e) => e.path === '/info')?.message).toMatch(/version/)
    // The bad type is reported where it is written, in the shared component, not at a use site.
    expect(paths).toContain('/components/schemas/Owner/properties/name/type')
    expect(result.errors.find((e) => e.path === '/components/schemas/Owner/properties/name/type')?.message).toMatch(
      /allowed values.*Did you mean string/,
    )
  })

  test('spec-rule and $ref errors are located too', async () => {
    const doc = structuredClone(petstoreV1)
    setIn(doc, ['paths', '/pets/{petId}', 'parameters'], [])
    const missingParam = await validateOpenApi(JSON.stringify(doc))
    expect(missingParam.ok).toBe(false)
    if (!missingParam.ok)
      expect(missingParam.errors[0]).toMatchObject({
        path: '/paths/~1pets~1{petId}/get',
        message: expect.stringMatching(/missing path parameter/),
      })

    const dangling = structuredClone(petstoreV1)
    setIn(
      dangling,
      ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json', 'schema', '$ref'],
      '#/components/schemas/Nope',
    )
    const danglingResult = await validateOpenApi(JSON.stringify(dangling))
    expect(danglingResult.ok).toBe(false)
    if (!danglingResult.ok) {
      expect(danglingResult.errors[0]).toEqual({
        path: '/paths/~1pets/post/requestBody/content/application~1json/schema/$ref',
        message: 'The reference #/components/schemas/Nope points at nothing',
      })
    }

    const duplicate = structuredClone(petstoreV1)
    setIn(duplicate, ['paths', '/pets/{petId}', 'get', 'operationId'], 'listPets')
    const duplicateResult = await validateOpenApi(JSON.stringify(duplicate))
    expect(duplicateResult.ok).toBe(false)
    if (!duplicateResult.ok) expect(duplicateResult.errors[0].path).toBe('/paths/~1pets~1{petId}/get/operationId')
  })
})

const DEEP = 10_000
const zeros = (n: number) => '/0'.repeat(n)
const head = 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\n'
const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
].join('\n')

describe('nesting and alias limits: clear errors with a pointer, never a crash', () => {
  test.each([
    [
      'JSON arrays 10,000 deep',
      '['.repeat(DEEP) + ']'.repeat(DEEP),
      zeros(128),
      /more than 128 levels deep \(at line 1, column 129\)/,
    ],
    [
      'JSON objects 10,000 deep',
      `{"openapi": "3.0.3",\n "x-deep": ${'{"a/b":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`,
      `/x-deep${'/a~1b'.repeat(127)}`,
      /more than 128 levels deep \(at line 2, column \d+\)/,
    ],
    [
      'YAML flow 10,000 deep',
      `${head}x-deep: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}`,
      `/x-deep${zeros(127)}`,
      /more than 128 levels deep \(at line 4, column 136\)/,
    ],
    [
      'YAML block sequences 10,000 deep',
      `${head}x-deep:\n  ${'- '.repeat(DEEP)}x`,
      `/x-deep${zeros(127)}`,
      /more than 128 levels deep \(at line 5, column \d+\)/,
    ],
    [
      'YAML maps 200 deep',
      head + Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1',
      '/' + Array.from({ length: 128 }, (_, i) => `k${i}`).join('/'),
      /more than 128 levels deep \(at line 132, column 129\)/,
    ],
    [
      'YAML aliases nesting one deep anchor in another',
      `${head}a: &a ${'['.repeat(100)}${']'.repeat(100)}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}`,
      `/b${zeros(127)}`,
      /once its YAML aliases are expanded/,
    ],
    [
      'a YAML alias bomb ("billion laughs")',
      `${head}${laughs}`,
      '',
      /^Invalid YAML: the document expands aliases \(\*name\) more than 100 times/,
    ],
  ])('%s', async (_name, text, path, message) => {
    const started = performance.now()
    const result = await validateOpenApi(text)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0].path).toBe(path)
    expect(result.errors[0].message).toMatch(message)
  })

  test('YAML aliases within the limit are fine', async () => {
    const text = `${head.replace('paths: {}\n', '')}x-shared: &shared { description: reused }\npaths:\n  /a:\n    get:\n      responses:\n        '200': *shared\n        '404': *shared\n`
    const result = await validateOpenApi(text)
    expect(result.ok).toBe(true)
  })
})

describe('reference bombs validate in linear time', () => {
  test.each([6, 8, 10])('%i levels of ten $refs each', async (levels) => {
    const text = JSON.stringify(refBomb(levels))
    const started = performance.now()
    const result = await validateOpenApi(text)
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.info.operationCount).toBe(2)
  })

  test('an error inside a bombed component is reported once, where it is written', async () => {
    const doc = refBomb(8)
    setIn(doc, ['components', 'schemas', 'S3', 'properties', 'p4'], { type: 'strin' })
    const result = await validateOpenApi(JSON.stringify(doc, null, 2))
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors).toEqual([
        { path: '/components/schemas/S3/properties/p4/type', message: expect.stringMatching(/Did you mean string/) },
      ])
  })

  test('a parameter given by $ref is seen through for the path-parameter rules, and its errors point at the component', async () => {
    const doc = structuredClone(petstoreV1)
    setIn(doc, ['components', 'parameters'], { PetId: getIn(doc, ['paths', '/pets/{petId}', 'parameters', 0]) })
    setIn(doc, ['paths', '/pets/{petId}', 'parameters'], [{ $ref: '#/components/parameters/PetId' }])
    expect((await validateOpenApi(JSON.stringify(doc))).ok).toBe(true)
    setIn(doc, ['components', 'parameters', 'PetId', 'schema', 'type'], 'integr')
    const result = await validateOpenApi(JSON.stringify(doc, null, 2))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('/components/parameters/PetId/schema/type')
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
