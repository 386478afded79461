import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
// Integration: what a tenant's contract can cost the server. Reference bombs, deep nesting, alias
// bombs and documents over the worker's budgets go through the real save path (createVersion),
// the real page (the stored index, and each operation and schema as it is opened, rendered by
// react-dom/server) and the real diff,
// while a real gateway in the same process keeps answering calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { getVersionDiff } from '@/lib/apis/get-version-diff'
import { readContractIndex } from '@/lib/catalog/read-contract-index'
import { loadOpenApiDocument } from '@/lib/openapi/load-openapi-document'
import { db } from '@/lib/db'
import { closedPort, startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { seedWorld, type World } from '@/lib/gateway/test-world'
import { largeContract } from '@/lib/openapi/fixtures/large-contract'
import { petstoreV1, petstoreV2Breaking } from '@/lib/openapi/fixtures/petstore'
import { refBomb } from '@/lib/openapi/fixtures/ref-bomb'
import { validateOpenApi } from '@/lib/openapi/validate-openapi'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { fastestSideBySide } from '@/lib/testing/side-by-side'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { ApiReference, versionDetailUrl } from './api-reference'
import { gatewayProber, type GatewayProbe } from './testing/gateway-probe'
import { renderReference } from './testing/render-reference'

let database: TestDatabase
let upstream: DemoUpstream
let gw: TestGateway
let world: World
let owner: Awaited<ReturnType<typeof createTestTeam>>
let apiId: string

beforeAll(async () => {
  database = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  world = await seedWorld(db, upstream.url, `http://127.0.0.1:${await closedPort()}`)
  gw = await startTestGateway({ db, databaseUrl: database.url })
  owner = await createTestTeam()
  apiId = (await createApi(owner.scope, { name: 'Contracts', slug: 'contracts' })).id
  // Start a validation thread first, so the timings below measure documents, not a thread's start-up.
  await validateOpenApi(JSON.stringify(petstoreV1))
})

afterAll(async () => {
  await gw?.close()
  await upstream?.close()
  await database?.cleanup()
})

const { gatewayCall, probeGateway } = gatewayProber(() => ({ gw, world }))

const save = (version: string, openapi: string) =>
  createVersion(owner.scope, { apiId, version, upstreamUrl: upstream.url, openapi })

function expectFast(probe: GatewayProbe) {
  expect(probe.count).toBeGreaterThan(0)
  expect(probe.statuses).toEqual(new Set([200]))
  expect(probe.medianMs).toBeLessThan(100)
  expect(probe.slowestMs).toBeLessThan(750)
}

const count = (html: string, needle: string) => html.split(needle).length - 1

describe('reference bombs are saved and shown in bounded time and size, and the gateway stays fast', () => {
  // Each bound is a ratio to an ordinary contract (the petstore) saved, shown or compared beside
  // the bomb in the same test: linear work costs about the same, an expansion (a million copies of
  // S0 at six levels) would cost orders of magnitude more. A loaded machine slows both alike.
  const ordinary = JSON.stringify(petstoreV1)

  async function shown(openapi: string) {
    const reference = await loadOpenApiDocument(openapi)
    expect(reference.ok).toBe(true)
    const rendered = reference.ok ? renderReference(reference.document) : null
    return rendered ? `${rendered.page}\n${rendered.details}` : ''
  }

  test.each([6, 8, 10])('%i schemas, each with ten $refs to the one before', async (levels) => {
    await gatewayCall() // a warm connection, so the probe measures the server, not the handshake
    const stop = probeGateway()

    const bomb = JSON.stringify(refBomb(levels))
    let saved = { id: '' }
    const [saveMs, ordinarySaveMs] = await fastestSideBySide([
      async (round) => (saved = await save(`v${levels}.${round}`, bomb)),
      (round) => save(`v${100 + levels}.${round}`, ordinary),
    ])
    const stored = await db.apiVersion.findFirstOrThrow({ where: { id: saved.id, teamId: owner.team.id } })
    let html = ''
    const [renderMs, ordinaryRenderMs] = await fastestSideBySide([
      async () => (html = await shown(stored.openapi)),
      () => shown(ordinary),
    ])

    const probe = await stop()
    expect(saveMs).toBeLessThan(10 * ordinarySaveMs)
    expect(renderMs).toBeLessThan(10 * ordinaryRenderMs)
    expect(html.length).toBeLessThan(100_000)
    // Every schema is on the page once, by name; the top one is linked from both operations.
    for (let level = 0; level < levels; level++) expect(count(html, `data-schema="S${level}"`)).toBe(1)
    expect(count(html, `href="#schema-S${levels - 1}"`)).toBe(3)
    expectFast(probe)
  })

  test('the diff of two bombs is linear too, and lists the one change once per site', async () => {
    const before = await save('v20', JSON.stringify(refBomb(10)))
    const changed = refBomb(10)
    const s0 = changed.components.schemas.S0 as { properties: { leaf: { type: string } } }
    s0.properties.leaf.type = 'integer'
    const after = await save('v21', JSON.stringify(changed))
    const ordinaryBefore = await save('v120', ordinary)
    const ordinaryAfter = await save('v121', JSON.stringify(petstoreV2Breaking()))
    const stop = probeGateway()
    let diff = await getVersionDiff(owner.scope, { apiId, fromVersionId: before.id, toVersionId: after.id })
    const [diffMs, ordinaryDiffMs] = await fastestSideBySide([
      async () =>
        (diff = await getVersionDiff(owner.scope, { apiId, fromVersionId: before.id, toVersionId: after.id })),
      () => getVersionDiff(owner.scope, { apiId, fromVersionId: ordinaryBefore.id, toVersionId: ordinaryAfter.id }),
    ])
    const probe = await stop()
    expect(diffMs).toBeLessThan(10 * ordinaryDiffMs)
    expect(diff.changes.map((c) => `${c.path} ${c.kind}`)).toEqual([
      'GET /boom response-field-type-changed',
      'POST /boom request-field-type-changed',
      'POST /boom response-field-type-changed',
    ])
    expect(diff.breakingCount).toBe(3)
    expectFast(probe)

    // Linear, not quadratic: four times the $refs cost at most about four times the comparison
    // (quadratic work would cost sixteen), timed on this thread, the fastest of twenty rounds each.
    const [wide, wider] = [40, 160].map((fanout) => {
      const pair = [refBomb(10, fanout), refBomb(10, fanout)] as const
      ;(pair[1].components.schemas.S0 as typeof s0).properties.leaf.type = 'integer'
      return pair
    })
    const [wideMs, widerMs] = await fastestSideBySide([() => diffOpenApi(...wide), () => diffOpenApi(...wider)], 20)
    expect(diffOpenApi(...wider)).toHaveLength(3)
    expect(widerMs).toBeLessThan(8 * wideMs)
  })
})

describe('documents that would exhaust the parser are refused with a clear form error, never a 500', () => {
  const deep = 10_000
  test.each([
    [
      'JSON nested 10,000 deep',
      `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": ${'['.repeat(deep)}${']'.repeat(deep)}}`,
      /^\/x-deep(\/0){127} — The document nests objects and arrays more than 128 levels deep \(at line 1, column \d+\)$/,
    ],
    [
      'YAML nested 10,000 deep',
      `openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\nx-deep: ${'{a: '.repeat(deep)}1${'}'.repeat(deep)}`,
      /^\/x-deep(\/a){127} — The document nests objects and arrays more than 128 levels deep \(at line 4, column \d+\)$/,
    ],
    [
      'a YAML alias bomb',
      `openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\na: &a [x, x, x, x, x, x, x, x, x, x]\n${'bcdefghij'
        .split('')
        .map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)
        .join('\n')}`,
      /^\/ — Invalid YAML: the document expands aliases \(\*name\) more than 100 times/,
    ],
  ])('%s', async (_name, openapi, message) => {
    const stop = probeGateway()
    const error = await rejection(() => save('v99', openapi))
    const probe = await stop()
    expect(error).toMatchObject({ status: 422, code: 'invalid_openapi', message: 'The OpenAPI document has 1 error' })
    expect(error.fieldErrors?.openapi).toHaveLength(1)
    expect(error.fieldErrors?.openapi?.[0]).toMatch(message)
    expectFast(probe)
    expect(await db.apiVersion.count({ where: { apiId, version: 'v99' } })).toBe(0)
  })
})

describe("the worker's budgets", () => {
  const large = JSON.stringify(largeContract(1_900_000))

  test('a document over the time budget is refused with the limit named, and the process keeps serving', async () => {
    const stop = probeGateway()
    const result = await validateOpenApi(large, { budget: { timeoutMs: 100, heapMb: 256 } })
    const probe = await stop()
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: expect.stringMatching(
            /^Checking this document took longer than the 100 ms limit, so it was stopped/,
          ),
        },
      ],
    })
    expectFast(probe)
    expect((await gatewayCall()).status).toBe(200)
    expect((await validateOpenApi(JSON.stringify(petstoreV1))).ok).toBe(true)
  })

  test('a document over the heap budget is refused with the limit named, and the process keeps serving', async () => {
    const small = { timeoutMs: 20_000, heapMb: 16 }
    // The budget fits an ordinary contract: it is the document that does not fit.
    expect((await validateOpenApi(JSON.stringify(petstoreV1), { budget: small })).ok).toBe(true)
    const result = await validateOpenApi(large, { budget: small })
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: expect.stringMatching(
            /^Checking this document needed more than the 16 MB memory limit, so it was stopped/,
          ),
        },
      ],
    })
    expect((await gatewayCall()).status).toBe(200)
    expect((await validateOpenApi(large)).ok).toBe(true) // within the default budget it is fine
  })

  test('the save path takes its budget from the environment and says so in the field error', async () => {
    process.env.OPENAPI_WORKER_TIMEOUT_MS = '100'
    try {
      const error = await rejection(() => save('v98', large))
      expect(error).toMatchObject({ status: 422, code: 'invalid_openapi' })
      expect(error.fieldErrors?.openapi?.[0]).toMatch(/^\/ — Checking this document took longer than the 100 ms limit/)
    } finally {
      delete process.env.OPENAPI_WORKER_TIMEOUT_MS
    }
  })

  test('a 1.5 MB contract saves, and its page renders from the stored index', async () => {
    const openapi = JSON.stringify(largeContract(1_500_000))
    expect(Buffer.byteLength(openapi)).toBeGreaterThan(1_500_000)
    const saved = await save('v97', openapi)
    const stored = await db.apiVersion.findFirstOrThrow({ where: { id: saved.id, teamId: owner.team.id } })
    expect(stored.openapi).toBe(openapi)
    // How fast is the bench's to say (npm run bench -- contracts); this checks what is sent.
    const index = await readContractIndex(stored)
    const page = index
      ? renderToStaticMarkup(createElement(ApiReference, { index, detailUrl: versionDetailUrl(stored.id) }))
      : ''
    expect(page).toContain('data-operation="GET /things0"')
    expect(page).toContain('data-schema="Thing0"')
    // What the page is before anything is opened: lines, not the document.
    expect(page.length).toBeLessThan(openapi.length / 2)
  })
})
