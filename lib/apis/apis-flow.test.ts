// Integration: API and version services against a real database (see lib/testing/test-database.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { publishVersion } from '@/lib/lifecycle/publish-version'
import { listLifecycleEvents } from '@/lib/lifecycle/list-lifecycle-events'
import { petstoreV1, petstoreV2Breaking } from '@/lib/openapi/fixtures/petstore'
import { createPlan } from '@/lib/plans/create-plan'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { createApi } from './create-api'
import { createVersion } from './create-version'
import { deleteDraftVersion } from './delete-draft-version'
import { getApiBySlug } from './get-api'
import { getVersionDiff } from './get-version-diff'
import { listApis } from './list-apis'
import { updateApi } from './update-api'
import { updateDraftVersion } from './update-draft-version'

let database: TestDatabase
let upstream: Awaited<ReturnType<typeof startTestUpstream>>
beforeAll(async () => {
  database = await setupTestDatabase()
  upstream = await startTestUpstream()
})
afterAll(async () => {
  await upstream?.close()
  await database?.cleanup()
})

const PETS = JSON.stringify(petstoreV1)

describe('APIs', () => {
  test('create, search, edit; slugs are unique per team only', async () => {
    const { scope } = await createTestTeam()
    const other = await createTestTeam()
    const api = await createApi(scope, {
      name: 'Payments Gateway',
      slug: 'payments',
      description: 'Charge cards',
      tags: 'Billing, cards, billing',
      visibility: 'PRIVATE',
    })
    const stored = await getApiBySlug(scope, { slug: 'payments' })
    expect(stored).toMatchObject({
      name: 'Payments Gateway',
      visibility: 'PRIVATE',
      kind: 'REST',
      state: 'DRAFT',
      searchText: 'payments gateway charge cards billing cards',
    })
    expect(stored?.tags.map((t) => t.tag)).toEqual(['billing', 'cards'])

    const taken = await rejection(() => createApi(scope, { name: 'Other', slug: 'payments' }))
    expect(taken).toMatchObject({
      status: 422,
      code: 'slug_taken',
      fieldErrors: { slug: ['This slug is already taken'] },
    })
    await expect(createApi(other.scope, { name: 'Theirs', slug: 'payments' })).resolves.toMatchObject({
      slug: 'payments',
    })
    expect(await getApiBySlug(other.scope, { slug: 'nope' })).toBeNull()

    await updateApi(scope, { apiId: api.id, description: 'Refunds too', tags: ['refunds'] })
    const edited = await getApiBySlug(scope, { slug: 'payments' })
    expect(edited).toMatchObject({
      name: 'Payments Gateway',
      description: 'Refunds too',
      visibility: 'PRIVATE',
      searchText: 'payments gateway refunds too refunds',
    })
    expect(edited?.tags.map((t) => t.tag)).toEqual(['refunds'])
    expect(await rejection(() => updateApi(other.scope, { apiId: api.id, name: 'Stolen' }))).toMatchObject({
      status: 404,
    })

    const found = await listApis(scope, { q: 'REFUND' })
    expect(found.items.map((a) => a.slug)).toEqual(['payments'])
    expect((await listApis(scope, { state: 'PUBLISHED' })).total).toBe(0)
    expect((await listApis(other.scope, { q: 'refund' })).total).toBe(0)
  })

  test('list pagination counts versions', async () => {
    const { scope } = await createTestTeam()
    for (let i = 0; i < 3; i++) await createApi(scope, { name: `Api ${i}`, slug: `api-${i}` })
    const first = await getApiBySlug(scope, { slug: 'api-0' })
    await createVersion(scope, { apiId: first!.id, version: 'v1', upstreamUrl: upstream.url, openapi: PETS })
    const page = await listApis(scope, { page: 2, pageSize: 2 })
    expect(page).toMatchObject({ total: 3, page: 2, pageCount: 2 })
    expect(page.items).toHaveLength(1)
    const all = await listApis(scope)
    expect(all.items.find((a) => a.slug === 'api-0')?.versionCount).toBe(1)
  })
})

describe('versions', () => {
  test('an invalid document is refused with JSON pointers and nothing is stored', async () => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    const broken = structuredClone(petstoreV1)
    const ok: { description?: string } = broken.paths['/pets'].get.responses['200']
    delete ok.description
    const error = await rejection(() =>
      createVersion(scope, {
        apiId: api.id,
        version: 'v1',
        upstreamUrl: upstream.url,
        openapi: JSON.stringify(broken),
      }),
    )
    expect(error).toMatchObject({ status: 422, code: 'invalid_openapi' })
    expect(error.fieldErrors?.openapi).toEqual([
      expect.stringMatching(/^\/paths\/~1pets\/get\/responses\/200 — .*description/),
    ])
    const swagger = await rejection(() =>
      createVersion(scope, { apiId: api.id, version: 'v1', upstreamUrl: upstream.url, openapi: '{"swagger":"2.0"}' }),
    )
    expect(swagger.fieldErrors?.openapi?.[0]).toMatch(/^\/info — A Swagger 2\.0 document needs an "info" object/)
    expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)

    await createVersion(scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: PETS,
      timeoutMs: '5000',
    })
    const duplicate = await rejection(() =>
      createVersion(scope, { apiId: api.id, version: 'V1', upstreamUrl: upstream.url, openapi: PETS }),
    )
    expect(duplicate).toMatchObject({
      code: 'version_taken',
      fieldErrors: { version: [expect.stringMatching(/v1 already exists/)] },
    })
  })

  test('a draft is edited in place; a published contract stays immutable and the edit becomes a new draft', async () => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    await createPlan(scope, { apiId: api.id, name: 'Free' })
    const v1 = await createVersion(scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.downUrl,
      openapi: PETS,
    })

    const inPlace = await updateDraftVersion(scope, { versionId: v1.id, upstreamUrl: upstream.url, timeoutMs: '2000' })
    expect(inPlace).toEqual({ versionId: v1.id, version: 'v1', created: false })
    expect(await db.apiVersion.findFirstOrThrow({ where: { id: v1.id } })).toMatchObject({
      upstreamUrl: upstream.url,
      timeoutMs: 2000,
      openapi: PETS,
    })

    await publishVersion(scope, { versionId: v1.id })
    const v2Doc = JSON.stringify(petstoreV2Breaking())
    const edit = await updateDraftVersion(scope, { versionId: v1.id, openapi: v2Doc })
    expect(edit).toMatchObject({ version: 'v2', created: true })
    expect(await db.apiVersion.findFirstOrThrow({ where: { id: v1.id } })).toMatchObject({
      state: 'PUBLISHED',
      openapi: PETS,
    })
    expect(await db.apiVersion.findFirstOrThrow({ where: { id: edit.versionId } })).toMatchObject({
      state: 'DRAFT',
      major: 2,
      openapi: v2Doc,
      upstreamUrl: upstream.url,
      timeoutMs: 2000,
    })

    // The diff between any two versions, either way round, and only within the team.
    const diff = await getVersionDiff(scope, { apiId: api.id, fromVersionId: v1.id, toVersionId: edit.versionId })
    expect(diff).toMatchObject({ from: { version: 'v1' }, to: { version: 'v2' } })
    expect(diff.breakingCount).toBeGreaterThan(0)
    const other = await createTestTeam()
    expect(
      await rejection(() =>
        getVersionDiff(other.scope, { apiId: api.id, fromVersionId: v1.id, toVersionId: edit.versionId }),
      ),
    ).toMatchObject({ status: 404 })
    expect(await rejection(() => updateDraftVersion(other.scope, { versionId: v1.id, openapi: PETS }))).toMatchObject({
      status: 404,
    })
  })

  test('only drafts can be deleted; the audit event outlives the row', async () => {
    const { scope } = await createTestTeam()
    const other = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    await createPlan(scope, { apiId: api.id, name: 'Free' })
    const v1 = await createVersion(scope, { apiId: api.id, version: 'v1', upstreamUrl: upstream.url, openapi: PETS })
    const v2 = await createVersion(scope, { apiId: api.id, version: 'v2', upstreamUrl: upstream.url, openapi: PETS })
    await publishVersion(scope, { versionId: v1.id })

    expect(await rejection(() => deleteDraftVersion(scope, { versionId: v1.id }))).toMatchObject({
      status: 409,
      code: 'invalid_transition',
    })
    expect(await rejection(() => deleteDraftVersion(other.scope, { versionId: v2.id }))).toMatchObject({ status: 404 })
    await deleteDraftVersion(scope, { versionId: v2.id })
    expect(await db.apiVersion.findFirst({ where: { id: v2.id } })).toBeNull()
    const [latest] = await listLifecycleEvents(scope, { apiId: api.id })
    expect(latest).toMatchObject({
      action: 'delete',
      fromState: 'DRAFT',
      toState: null,
      versionId: null,
      reason: 'Draft v2 deleted',
    })
    expect((await db.api.findFirstOrThrow({ where: { id: api.id } })).state).toBe('PUBLISHED')
  })
})
