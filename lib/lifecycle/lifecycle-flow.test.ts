// Integration: the lifecycle services against a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL) and a real HTTP upstream.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { db } from '@/lib/db'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { petstoreV1, petstoreV2Breaking } from '@/lib/openapi/fixtures/petstore'
import { createPlan } from '@/lib/plans/create-plan'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { deprecateVersion } from './deprecate-version'
import { getPublishChecks } from './get-publish-checks'
import { listLifecycleEvents } from './list-lifecycle-events'
import { publishVersion } from './publish-version'
import { retireVersion } from './retire-version'

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

const DAY = 86_400_000

describe('create → publish → deprecate → retire', () => {
  test('every guard refuses, then the transition goes through and is audited', async () => {
    const { team, actor, scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pet Store', slug: 'pets', tags: 'animals' })
    const v1 = await createVersion(scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV1),
    })
    expect(v1).toMatchObject({ state: 'DRAFT', major: 1 })

    // Publish without a plan: refused.
    const noPlan = await rejection(() => publishVersion(scope, { versionId: v1.id }))
    expect(noPlan).toMatchObject({ status: 422, code: 'no_plan' })

    await createPlan(scope, { apiId: api.id, name: 'Free', rateLimit: '60' })

    // Publish with the upstream down: refused, and the field error points at the upstream URL.
    await db.apiVersion.update({ where: { id: v1.id, teamId: team.id }, data: { upstreamUrl: upstream.downUrl } })
    const down = await rejection(() => publishVersion(scope, { versionId: v1.id }))
    expect(down).toMatchObject({ status: 422, code: 'upstream_unreachable' })
    expect(down.fieldErrors?.upstreamUrl?.[0]).toMatch(/did not answer/)
    await db.apiVersion.update({ where: { id: v1.id, teamId: team.id }, data: { upstreamUrl: upstream.url } })

    const configBefore = await readConfigVersion(db)
    const published = await publishVersion(scope, { versionId: v1.id })
    expect(published).toMatchObject({ state: 'PUBLISHED', overridden: false })
    expect(await readConfigVersion(db)).toBeGreaterThan(configBefore)
    expect(upstream.requests).toContain('HEAD /')
    expect((await db.api.findFirstOrThrow({ where: { id: api.id } })).state).toBe('PUBLISHED')

    // A breaking v1.1 under the same major: refused without override, refused without a reason.
    const v11 = await createVersion(scope, {
      apiId: api.id,
      version: 'v1.1',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV2Breaking()),
    })
    const checks = await getPublishChecks(scope, { versionId: v11.id })
    expect(checks).toMatchObject({
      needsOverride: true,
      previous: { version: 'v1' },
      upstream: { ok: true },
      plans: { ok: true, count: 1 },
    })
    expect(checks.breakingCount).toBeGreaterThanOrEqual(5)
    const breaking = await rejection(() => publishVersion(scope, { versionId: v11.id }))
    expect(breaking).toMatchObject({ status: 422, code: 'breaking_changes' })
    const noReason = await rejection(() => publishVersion(scope, { versionId: v11.id, override: true }))
    expect(noReason).toMatchObject({
      code: 'override_reason_required',
      fieldErrors: { overrideReason: [expect.any(String)] },
    })

    // With an override and a reason it publishes, and the reason is in the audit trail.
    const overridden = await publishVersion(scope, {
      versionId: v11.id,
      override: true,
      overrideReason: 'Agreed with the two consumers',
    })
    expect(overridden.overridden).toBe(true)
    const events = await listLifecycleEvents(scope, { apiId: api.id })
    const overrideEvent = events.find((e) => e.versionId === v11.id && e.toState === 'PUBLISHED')
    expect(overrideEvent).toMatchObject({ action: 'publish_override', fromState: 'DRAFT', actorEmail: actor.email })
    expect(overrideEvent?.reason).toMatch(/breaking change\(s\) vs v1 under major 1\. Agreed with the two consumers$/)

    // The same breaking contract as a new major needs no override.
    const v2 = await createVersion(scope, {
      apiId: api.id,
      version: 'v2',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV2Breaking()),
    })
    expect((await getPublishChecks(scope, { versionId: v2.id })).needsOverride).toBe(false)
    await publishVersion(scope, { versionId: v2.id })

    // Deprecate: a sunset too soon is refused; a draft successor is refused.
    const now = new Date()
    const tooSoon = await rejection(() =>
      deprecateVersion(scope, { versionId: v1.id, sunsetAt: new Date(now.getTime() + 2 * DAY) }),
    )
    expect(tooSoon).toMatchObject({
      status: 422,
      code: 'sunset_too_soon',
      fieldErrors: { sunsetAt: [expect.stringMatching(/at least 7 days/)] },
    })
    const sunsetAt = new Date(now.getTime() + 10 * DAY)
    const deprecated = await deprecateVersion(scope, {
      versionId: v1.id,
      sunsetAt,
      successorId: v2.id,
      reason: 'Moving to v2',
    })
    expect(deprecated.state).toBe('DEPRECATED')
    const row = await db.apiVersion.findFirstOrThrow({ where: { id: v1.id } })
    expect(row).toMatchObject({ state: 'DEPRECATED', successorId: v2.id })
    expect(row.sunsetAt?.getTime()).toBe(sunsetAt.getTime())

    // Retire before the sunset: refused for someone without 'apis.retire_early' (an admin), even with a reason.
    const admin = { ...scope, actor: { ...scope.actor, role: 'ADMIN' as const } }
    const early = await rejection(() => retireVersion(admin, { versionId: v1.id, reason: 'please' }))
    expect(early).toMatchObject({ status: 422, code: 'before_sunset' })
    // An owner must give a reason.
    const ownerNoReason = await rejection(() => retireVersion(scope, { versionId: v1.id }))
    expect(ownerNoReason).toMatchObject({ code: 'early_retire_reason_required' })
    // At the sunset anyone with 'apis.publish' may retire.
    const retired = await retireVersion(admin, { versionId: v1.id }, new Date(sunsetAt.getTime() + 1000))
    expect(retired).toMatchObject({ state: 'RETIRED', early: false })

    // Nothing moves a retired version again.
    const again = await rejection(() => deprecateVersion(scope, { versionId: v1.id, sunsetAt }))
    expect(again).toMatchObject({ status: 409, code: 'invalid_transition' })

    const trail = await listLifecycleEvents(scope, { apiId: api.id })
    expect(trail.filter((e) => e.versionId === v1.id).map((e) => e.action)).toEqual([
      'retire',
      'deprecate',
      'publish',
      'create',
    ])
  })

  test('an owner retires early with a reason, recorded in the event', async () => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Orders', slug: 'orders' })
    await createPlan(scope, { apiId: api.id, name: 'Default' })
    const v1 = await createVersion(scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV1),
    })
    await publishVersion(scope, { versionId: v1.id })
    await deprecateVersion(scope, { versionId: v1.id, sunsetAt: new Date(Date.now() + 30 * DAY) })
    const result = await retireVersion(scope, { versionId: v1.id, reason: 'Credential leak in v1' })
    expect(result.early).toBe(true)
    const [latest] = await listLifecycleEvents(scope, { apiId: api.id })
    expect(latest).toMatchObject({ action: 'retire_early', toState: 'RETIRED' })
    expect(latest.reason).toMatch(/Retired before the sunset date \(\d{4}-\d{2}-\d{2}\): Credential leak in v1/)
    expect((await db.api.findFirstOrThrow({ where: { id: api.id } })).state).toBe('RETIRED')
  })
})

describe('team scoping', () => {
  test("team B cannot see or transition team A's version by id", async () => {
    const a = await createTestTeam()
    const b = await createTestTeam()
    const api = await createApi(a.scope, { name: 'Secret', slug: 'secret' })
    await createPlan(a.scope, { apiId: api.id, name: 'Free' })
    const v1 = await createVersion(a.scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV1),
    })

    for (const attempt of [
      () => getPublishChecks(b.scope, { versionId: v1.id }),
      () => publishVersion(b.scope, { versionId: v1.id }),
      () => deprecateVersion(b.scope, { versionId: v1.id, sunsetAt: new Date(Date.now() + 30 * DAY) }),
      () => retireVersion(b.scope, { versionId: v1.id, reason: 'x' }),
      () =>
        createVersion(b.scope, {
          apiId: api.id,
          version: 'v9',
          upstreamUrl: upstream.url,
          openapi: JSON.stringify(petstoreV1),
        }),
      () => createPlan(b.scope, { apiId: api.id, name: 'Hijack' }),
    ]) {
      expect(await rejection(attempt)).toMatchObject({ status: 404, code: 'not_found' })
    }
    expect(await listLifecycleEvents(b.scope, { apiId: api.id })).toEqual([])
    // And team A's version is untouched.
    expect((await db.apiVersion.findFirstOrThrow({ where: { id: v1.id } })).state).toBe('DRAFT')
    await publishVersion(a.scope, { versionId: v1.id })
  })
})
