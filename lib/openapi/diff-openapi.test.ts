import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { diffOpenApi, hasBreakingChanges, type DiffLimits, type OpenApiChange } from './diff-openapi'
import { deleteIn, pushIn, setIn } from './fixtures/edit-json'
import { ordersV1Yaml, ordersV2Yaml } from './fixtures/orders'
import { petstoreV1, petstoreV1Additive, petstoreV2Breaking } from './fixtures/petstore'
import { refBomb } from './fixtures/ref-bomb'

const pick = (changes: OpenApiChange[]) => changes.map(({ kind, breaking, path }) => ({ kind, breaking, path }))

describe('diffOpenApi', () => {
  test('identical documents have no changes', () => {
    expect(diffOpenApi(petstoreV1, structuredClone(petstoreV1))).toEqual([])
  })

  test('pet store v1 → v2 lists every breaking change with its location', () => {
    const changes = diffOpenApi(petstoreV1, petstoreV2Breaking())
    expect(hasBreakingChanges(changes)).toBe(true)
    expect(pick(changes)).toEqual(
      expect.arrayContaining([
        { kind: 'required-parameter-added', breaking: true, path: 'GET /pets' },
        { kind: 'response-field-removed', breaking: true, path: 'GET /pets' },
        { kind: 'response-field-type-changed', breaking: true, path: 'GET /pets' },
        { kind: 'request-field-became-required', breaking: true, path: 'POST /pets' },
        { kind: 'response-field-removed', breaking: true, path: 'POST /pets' },
        { kind: 'response-field-removed', breaking: true, path: 'GET /pets/{petId}' },
        { kind: 'operation-removed', breaking: true, path: 'DELETE /pets/{petId}' },
      ]),
    )
    expect(changes.filter((c) => !c.breaking)).toEqual([])
    const removedTag = changes.find((c) => c.kind === 'response-field-removed' && c.path === 'GET /pets/{petId}')
    expect(removedTag).toMatchObject({
      location: '/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/properties/tag',
      message: 'Field `tag` was removed in the 200 response',
    })
    const arrayItem = changes.find((c) => c.kind === 'response-field-type-changed' && c.path === 'GET /pets')
    expect(arrayItem?.message).toBe('Field `[].id` in the 200 response changed type from integer to string')
  })

  test('additions only are not breaking', () => {
    const changes = diffOpenApi(petstoreV1, petstoreV1Additive())
    expect(hasBreakingChanges(changes)).toBe(false)
    expect(pick(changes)).toEqual(
      expect.arrayContaining([
        { kind: 'parameter-added', breaking: false, path: 'GET /pets' },
        { kind: 'response-field-added', breaking: false, path: 'GET /pets' },
        { kind: 'request-field-added', breaking: false, path: 'POST /pets' },
        { kind: 'path-added', breaking: false, path: '/owners' },
      ]),
    )
  })

  test('going backwards (v2 → v1) flips which changes break', () => {
    const changes = diffOpenApi(petstoreV2Breaking(), petstoreV1)
    expect(pick(changes)).toEqual(
      expect.arrayContaining([
        { kind: 'operation-added', breaking: false, path: 'DELETE /pets/{petId}' },
        { kind: 'parameter-removed', breaking: false, path: 'GET /pets' },
        { kind: 'response-field-added', breaking: false, path: 'GET /pets/{petId}' },
      ]),
    )
  })

  test('orders 3.1: nested response field removal breaks, request widening does not', () => {
    const changes = diffOpenApi(parse(ordersV1Yaml), parse(ordersV2Yaml))
    expect(pick(changes)).toEqual([
      { kind: 'response-field-removed', breaking: true, path: 'GET /orders' },
      { kind: 'request-field-added', breaking: false, path: 'POST /orders' },
      { kind: 'response-field-removed', breaking: true, path: 'POST /orders' },
    ])
    expect(changes.filter((c) => c.breaking).map((c) => c.message)).toEqual([
      'Field `items[].shipping.tracking` was removed in the 200 response',
      'Field `shipping.tracking` was removed in the 201 response',
    ])
    expect(changes.some((c) => c.kind === 'request-field-type-changed')).toBe(false)
  })

  test.each<[string, (doc: unknown) => void, OpenApiChange['kind'], boolean]>([
    ['path removed', (d) => deleteIn(d, ['paths', '/pets/{petId}']), 'path-removed', true],
    [
      'optional param becomes required',
      (d) => setIn(d, ['paths', '/pets', 'get', 'parameters', 0, 'required'], true),
      'parameter-became-required',
      true,
    ],
    [
      'param type changes',
      (d) => setIn(d, ['paths', '/pets', 'get', 'parameters', 0, 'schema'], { type: 'string' }),
      'parameter-type-changed',
      true,
    ],
    [
      'path param type widens to number',
      (d) => setIn(d, ['paths', '/pets/{petId}', 'parameters', 0, 'schema'], { type: 'number' }),
      'parameter-type-changed',
      false,
    ],
    [
      'new required body field',
      (d) => {
        setIn(d, ['components', 'schemas', 'NewPet', 'properties', 'age'], { type: 'integer' })
        pushIn(d, ['components', 'schemas', 'NewPet', 'required'], 'age')
      },
      'required-request-field-added',
      true,
    ],
    [
      'request body field type changes',
      (d) => setIn(d, ['components', 'schemas', 'NewPet', 'properties', 'name'], { type: 'integer' }),
      'request-field-type-changed',
      true,
    ],
    [
      'request body field dropped',
      (d) => deleteIn(d, ['components', 'schemas', 'NewPet', 'properties', 'tag']),
      'request-field-removed',
      false,
    ],
    [
      '2xx response removed',
      (d) => deleteIn(d, ['paths', '/pets/{petId}', 'get', 'responses', '200']),
      'response-removed',
      true,
    ],
    [
      'response media type removed',
      (d) =>
        setIn(d, ['paths', '/pets', 'post', 'responses', '201', 'content'], {
          'application/xml': { schema: { type: 'object' } },
        }),
      'response-media-type-removed',
      true,
    ],
    [
      'response gains a nullable',
      (d) => setIn(d, ['components', 'schemas', 'Pet', 'properties', 'name'], { type: 'string', nullable: true }),
      'response-field-type-changed',
      true,
    ],
  ])('%s', (_name, mutate, kind, breaking) => {
    const after = structuredClone(petstoreV1)
    mutate(after)
    const changes = diffOpenApi(petstoreV1, after)
    const match = changes.find((c) => c.kind === kind)
    if (kind === 'parameter-type-changed' && !breaking) {
      expect(match).toBeUndefined() // integer → number accepts everything clients sent before
      return
    }
    expect(match).toBeDefined()
    expect(match?.breaking).toBe(breaking)
  })

  test('circular schemas terminate', () => {
    const doc = structuredClone(petstoreV1)
    setIn(doc, ['components', 'schemas', 'Owner', 'properties', 'pets'], {
      type: 'array',
      items: { $ref: '#/components/schemas/Pet' },
    })
    expect(diffOpenApi(doc, structuredClone(doc))).toEqual([])
  })

  test("a field removed inside a shared $ref'd component breaks every operation that returns it, once each", () => {
    const after = structuredClone(petstoreV1)
    deleteIn(after, ['components', 'schemas', 'Owner', 'properties', 'email']) // Owner is reached through Pet.owner
    const changes = diffOpenApi(petstoreV1, after)
    expect(hasBreakingChanges(changes)).toBe(true)
    expect(changes.map(({ kind, breaking, path, message }) => ({ kind, breaking, path, message }))).toEqual([
      {
        kind: 'response-field-removed',
        breaking: true,
        path: 'GET /pets',
        message: 'Field `[].owner.email` was removed in the 200 response',
      },
      {
        kind: 'response-field-removed',
        breaking: true,
        path: 'POST /pets',
        message: 'Field `owner.email` was removed in the 201 response',
      },
      {
        kind: 'response-field-removed',
        breaking: true,
        path: 'GET /pets/{petId}',
        message: 'Field `owner.email` was removed in the 200 response',
      },
    ])
    expect(changes[2].location).toBe(
      '/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/properties/owner/properties/email',
    )
  })

  test('a field type changed in a component shared by request and response is judged from each side', () => {
    const before = structuredClone(petstoreV1)
    setIn(before, ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json', 'schema'], {
      $ref: '#/components/schemas/Pet',
    })
    const after = structuredClone(before)
    setIn(after, ['components', 'schemas', 'Pet', 'properties', 'id'], { type: 'number' }) // integer → number: wider
    const changes = diffOpenApi(before, after)
    expect(changes.filter((c) => c.kind === 'request-field-type-changed')).toEqual([])
    expect(changes.filter((c) => c.kind === 'response-field-type-changed').map((c) => c.path)).toEqual([
      'GET /pets',
      'POST /pets',
      'GET /pets/{petId}',
    ])
  })

  test.each([6, 8, 10])(
    'a %i-level reference bomb costs linear work and lists its one change once per site',
    (levels) => {
      const before = refBomb(levels)
      const after = refBomb(levels)
      deleteIn(after, ['components', 'schemas', 'S0', 'properties', 'leaf'])
      const started = performance.now()
      const changes = diffOpenApi(before, after)
      expect(performance.now() - started).toBeLessThan(500)
      const path = Array.from({ length: levels - 1 }, () => 'p0').join('.')
      expect(changes.map((c) => [c.path, c.kind, c.message])).toEqual([
        ['GET /boom', 'response-field-removed', `Field \`${path}.leaf\` was removed in the 200 response`],
        ['POST /boom', 'request-field-removed', `Field \`${path}.leaf\` is no longer accepted in the request body`],
        ['POST /boom', 'response-field-removed', `Field \`${path}.leaf\` was removed in the 201 response`],
      ])
      expect(diffOpenApi(before, refBomb(levels))).toEqual([])
    },
  )

  test.each<[string, DiffLimits, RegExp]>([
    [
      'past its work budget',
      { maxWork: 50 },
      /too complex to compare in full \(the comparison stopped after 50 steps\)/,
    ],
    ['past its change cap', { maxChanges: 2 }, /More than 2 changes: only the first 2 are listed/],
  ])('a comparison %s ends with a breaking "incomplete" entry instead of hanging', (_name, limits, message) => {
    const changes = diffOpenApi(petstoreV1, petstoreV2Breaking(), limits)
    const last = changes[changes.length - 1]
    expect(last).toMatchObject({ kind: 'comparison-incomplete', breaking: true })
    expect(last.message).toMatch(message)
    expect(changes.filter((c) => c.kind === 'comparison-incomplete')).toHaveLength(1)
  })

  describe('request enums and closed request schemas', () => {
    const withTag = (tag: Record<string, unknown>, closed = false) => {
      const doc = structuredClone(petstoreV1)
      setIn(doc, ['components', 'schemas', 'NewPet', 'properties', 'tag'], tag)
      if (closed) setIn(doc, ['components', 'schemas', 'NewPet', 'additionalProperties'], false)
      return doc
    }
    const kinds = (before: unknown, after: unknown) => pick(diffOpenApi(before, after)).map((c) => [c.kind, c.breaking])

    test('a narrower request enum breaks; a wider one does not', () => {
      const two = withTag({ type: 'string', enum: ['cat', 'dog'] })
      const one = withTag({ type: 'string', enum: ['cat'] })
      expect(kinds(two, one)).toContainEqual(['request-field-enum-narrowed', true])
      expect(diffOpenApi(two, one).find((c) => c.kind === 'request-field-enum-narrowed')?.message).toContain('"dog"')
      expect(kinds(one, two)).toEqual([])
    })

    test('an enum on a request field that had none breaks', () => {
      expect(kinds(withTag({ type: 'string' }), withTag({ type: 'string', enum: ['cat'] }))).toContainEqual([
        'request-field-enum-narrowed',
        true,
      ])
    })

    test('a response enum gaining or losing values is not a request change', () => {
      const before = structuredClone(petstoreV1)
      setIn(before, ['components', 'schemas', 'Pet', 'properties', 'tag'], { type: 'string', enum: ['a', 'b'] })
      const after = structuredClone(petstoreV1)
      setIn(after, ['components', 'schemas', 'Pet', 'properties', 'tag'], { type: 'string', enum: ['a'] })
      expect(kinds(before, after).filter(([kind]) => kind === 'request-field-enum-narrowed')).toEqual([])
    })

    test('a removed request field breaks once the schema forbids additional properties', () => {
      const open = withTag({ type: 'string' })
      const openWithout = structuredClone(open)
      deleteIn(openWithout, ['components', 'schemas', 'NewPet', 'properties', 'tag'])
      expect(kinds(open, openWithout)).toContainEqual(['request-field-removed', false])
      const closedWithout = structuredClone(openWithout)
      setIn(closedWithout, ['components', 'schemas', 'NewPet', 'additionalProperties'], false)
      expect(kinds(open, closedWithout)).toContainEqual(['request-field-removed', true])
    })
  })
})
