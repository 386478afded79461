// Integration: public contracts nobody here wrote (lib/openapi/fixtures/real-world, with their
// licences) go through the real save path (validation on the worker, conversion, the stored
// index), the real reference (the page from the index, then operations and schemas as opened)
// and the real diff, against a real database.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ApiReference, versionDetailUrl } from './api-reference'
import { renderReference } from './testing/render-reference'
import { readContractIndex } from '@/lib/catalog/read-contract-index'
import { loadReferenceDetail } from '@/lib/catalog/load-reference-detail'
import { db } from '@/lib/db'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { circularContract } from '@/lib/openapi/fixtures/circular'
import { readRealWorldContract } from '@/lib/openapi/fixtures/real-world/read-real-world'
import { HTTP_METHODS } from '@/lib/openapi/list-operations'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { getVersionDiff } from '@/lib/apis/get-version-diff'

let database: TestDatabase
let owner: Awaited<ReturnType<typeof createTestTeam>>
beforeAll(async () => {
  database = await setupTestDatabase()
  owner = await createTestTeam()
})
afterAll(async () => {
  await database?.cleanup()
})

const UPSTREAM = 'http://127.0.0.1:9'

async function save(slug: string, version: string, openapi: string) {
  const api =
    (await db.api.findFirst({ where: { teamId: owner.team.id, slug }, select: { id: true } })) ??
    (await createApi(owner.scope, { name: slug, slug }))
  const saved = await createVersion(owner.scope, { apiId: api.id, version, upstreamUrl: UPSTREAM, openapi })
  const row = await db.apiVersion.findFirstOrThrow({ where: { id: saved.id, teamId: owner.team.id } })
  return { apiId: api.id, row }
}

/** "GET /path" for every operation, read straight from the document. */
function operationKeys(document: { paths: Record<string, Record<string, unknown>> }): Set<string> {
  const keys = new Set<string>()
  for (const [path, item] of Object.entries(document.paths))
    for (const method of HTTP_METHODS) if (item[method]) keys.add(`${method.toUpperCase()} ${path}`)
  return keys
}

const viewer = () => ({ teamIds: [owner.team.id] })

describe.each([
  ['Stripe', 'stripe', 'stripe'],
  ['GitHub', 'github', 'github-api'],
  ["Azure's application gateway", 'azure', 'azure-network-applicationGateway'],
] as const)("%s's public contract", (_name, slug, fixture) => {
  const text = readRealWorldContract(fixture)
  const document = JSON.parse(text) as { paths: Record<string, Record<string, unknown>> }
  const expected = operationKeys(document)

  test('is saved whole, with its operation index stored beside it', { timeout: 60_000 }, async () => {
    const { row } = await save(slug, 'v1', text)
    expect(row.openapi).toBe(text)
    expect(row.convertedFrom).toBeNull()
    const index = await readContractIndex(row)
    expect(new Set(index!.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`))).toEqual(expected)
    expect(index!.info.operationCount).toBe(expected.size)
  })

  test('renders: every operation on the page, and any one of them opens', { timeout: 60_000 }, async () => {
    const row = await db.apiVersion.findFirstOrThrow({ where: { teamId: owner.team.id, api: { slug } } })
    const index = (await readContractIndex(row))!
    const page = renderToStaticMarkup(createElement(ApiReference, { index, detailUrl: versionDetailUrl(row.id) }))
    for (const key of expected) expect(page).toContain(`data-operation="${key}"`)
    expect(page.length).toBeLessThan(text.length / 5) // lines only: the details come when opened
    const operation = index.operations[Math.floor(index.operations.length / 2)]
    const detail = await loadReferenceDetail(viewer(), {
      versionId: row.id,
      operation: `${operation.method} ${operation.path}`,
    })
    expect('operation' in detail && detail.operation.path).toBe(operation.path)
    const schema = await loadReferenceDetail(viewer(), {
      versionId: row.id,
      schema: `#/components/schemas/${index.schemas[0]}`,
    })
    expect('schema' in schema && schema.schema.name).toBe(index.schemas[0])
  })

  test('diffs against itself with no change, and against a copy with an operation removed', async () => {
    expect(diffOpenApi(document, document)).toEqual([])
    // An operation whose path has others, so that the operation itself is what goes.
    const first = [...expected].find((key) => {
      const path = key.slice(key.indexOf(' ') + 1)
      return [...expected].filter((other) => other.endsWith(` ${path}`)).length > 1
    })!
    const [method, path] = [first.split(' ')[0].toLowerCase(), first.slice(first.indexOf(' ') + 1)]
    const smaller = structuredClone(document)
    delete smaller.paths[path][method]
    const changes = diffOpenApi(document, smaller)
    expect(changes.filter((c) => c.breaking).map((c) => c.path)).toContain(first)
  })
})

describe('GitHub Enterprise Server 3.17 and 3.18, a real pair of releases', () => {
  const before = JSON.parse(readRealWorldContract('github-ghes-3.17'))
  const after = JSON.parse(readRealWorldContract('github-ghes-3.18'))
  const added = [...operationKeys(after)].filter((key) => !operationKeys(before).has(key))

  test('the upgrade adds operations and breaks nothing a 3.17 client uses', () => {
    expect(added.length).toBeGreaterThan(0)
    const changes = diffOpenApi(before, after)
    expect(changes.filter((c) => c.breaking)).toEqual([])
    const reported = changes.filter((c) => c.kind === 'operation-added' || c.kind === 'path-added')
    for (const key of added) expect(reported.some((c) => c.path === key || key.endsWith(` ${c.path}`))).toBe(true)
  })

  test('read backwards, each of those operations is removed, and that is breaking', () => {
    const changes = diffOpenApi(after, before)
    const removed = changes.filter((c) => c.breaking && (c.kind === 'operation-removed' || c.kind === 'path-removed'))
    for (const key of added) expect(removed.some((c) => c.path === key || key.endsWith(` ${c.path}`))).toBe(true)
  })

  test('a response field removed in a release is breaking', () => {
    const trimmed = structuredClone(after)
    const repository = trimmed.components.schemas.repository as { properties: Record<string, unknown> }
    expect(repository.properties.full_name).toBeDefined()
    delete repository.properties.full_name
    const changes = diffOpenApi(after, trimmed)
    const fieldRemoved = changes.filter((c) => c.kind === 'response-field-removed')
    expect(fieldRemoved.length).toBeGreaterThan(0)
    expect(fieldRemoved.every((c) => c.breaking)).toBe(true)
    expect(fieldRemoved[0].message).toMatch(/full_name/)
  })
})

describe('Swagger 2.0', () => {
  const swagger = readRealWorldContract('petstore-swagger2')

  test('is converted to OpenAPI 3, keeping the original beside the conversion', async () => {
    const { row } = await save('swagger', 'v1', swagger)
    expect(row.convertedFrom).toBe('swagger-2.0')
    expect(row.openapiSource).toBe(swagger)
    const converted = JSON.parse(row.openapi)
    expect(converted.openapi).toMatch(/^3\.0\./)
    expect(Object.keys(converted.paths)).toEqual(Object.keys(JSON.parse(swagger).paths))
    const index = await readContractIndex(row)
    expect(index!.operations.map((o) => o.anchor)).toEqual(['listPets', 'createPets', 'showPetById'])
    expect(index!.schemas).toEqual(expect.arrayContaining(['Pet', 'Pets', 'Error']))
  })

  test('diffs across the 2.0 → 3.0 upgrade: an operation dropped in the 3.0 version is breaking', async () => {
    const from = await db.apiVersion.findFirstOrThrow({ where: { teamId: owner.team.id, api: { slug: 'swagger' } } })
    const upgraded = JSON.parse(from.openapi)
    upgraded.openapi = '3.0.3'
    delete upgraded.paths['/pets/{petId}']
    const { row: to } = await save('swagger', 'v2', JSON.stringify(upgraded))
    const diff = await getVersionDiff(owner.scope, { apiId: from.apiId, fromVersionId: from.id, toVersionId: to.id })
    expect(diff.changes.filter((c) => c.breaking).map((c) => c.path)).toEqual(['/pets/{petId}'])
  })
})

test('a circular schema is saved and, opened, is a link to itself', async () => {
  const { row } = await save('circular', 'v1', JSON.stringify(circularContract))
  const detail = await loadReferenceDetail(viewer(), { versionId: row.id, schema: '#/components/schemas/Node' })
  if (!('schema' in detail)) throw new Error('expected a schema')
  const children = detail.schema.schema.properties?.find((p) => p.name === 'children')
  expect(children?.schema.items?.ref).toMatchObject({ name: 'Node', anchor: 'schema-Node', circular: true })
  const { details } = renderReference(circularContract)
  expect(details).toContain('(circular)')
})
