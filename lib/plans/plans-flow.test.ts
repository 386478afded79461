// Integration: plan services against a real database.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { db } from '@/lib/db'
import { readConfigVersion } from '@/lib/gateway/config-version'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { archivePlan } from './archive-plan'
import { createPlan } from './create-plan'
import { listPlans } from './list-plans'
import { updatePlan } from './update-plan'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

test('create, edit and archive plans; archived plans do not count for publishing', async () => {
  const { team, actor } = await createTestTeam()
  const other = await createTestTeam()
  const api = await createApi({ teamId: team.id, input: { name: 'Pets', slug: 'pets' } })
  const before = await readConfigVersion(db)
  const plan = await createPlan({ teamId: team.id, input: { apiId: api.id, name: 'Starter', description: 'For trying it out', rateLimit: '10', rateWindow: 'SECOND', approval: 'MANUAL' } })
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
  expect(await db.plan.findFirstOrThrow({ where: { id: plan.id } })).toMatchObject({ rateLimit: 10, rateWindow: 'SECOND', approval: 'MANUAL', pricePerCallMicros: 0n, archivedAt: null })

  expect(await rejection(() => createPlan({ teamId: team.id, input: { apiId: api.id, name: 'Starter' } }))).toMatchObject({ status: 422, fieldErrors: { name: ['Pick another name'] } })
  expect(await rejection(() => createPlan({ teamId: team.id, input: { apiId: api.id, name: 'Bad', rateLimit: '0' } }))).toMatchObject({ name: 'ZodError' })

  // A partial update leaves the other fields alone; "" clears the rate limit.
  await updatePlan({ teamId: team.id, input: { planId: plan.id, description: 'Renamed' } })
  expect(await db.plan.findFirstOrThrow({ where: { id: plan.id } })).toMatchObject({ description: 'Renamed', rateLimit: 10, rateWindow: 'SECOND', approval: 'MANUAL' })
  await updatePlan({ teamId: team.id, input: { planId: plan.id, rateLimit: '' } })
  expect((await db.plan.findFirstOrThrow({ where: { id: plan.id } })).rateLimit).toBeNull()
  expect(await rejection(() => updatePlan({ teamId: other.team.id, input: { planId: plan.id, name: 'Mine' } }))).toMatchObject({ status: 404 })
  expect(await rejection(() => archivePlan({ teamId: other.team.id, planId: plan.id }))).toMatchObject({ status: 404 })

  const v1 = await createVersion({ teamId: team.id, actor, input: { apiId: api.id, version: 'v1', upstreamUrl: 'http://127.0.0.1:9', openapi: JSON.stringify(petstoreV1) } })
  expect((await getPublishChecks({ teamId: team.id, versionId: v1.id })).plans).toEqual({ ok: true, count: 1 })
  expect(await archivePlan({ teamId: team.id, planId: plan.id })).toEqual({ planId: plan.id, archived: true })
  expect(await archivePlan({ teamId: team.id, planId: plan.id })).toEqual({ planId: plan.id, archived: false })
  expect((await getPublishChecks({ teamId: team.id, versionId: v1.id })).plans).toEqual({ ok: false, count: 0 })
  expect(await listPlans({ teamId: team.id, apiId: api.id })).toEqual([])
  expect(await listPlans({ teamId: team.id, apiId: api.id, includeArchived: true })).toHaveLength(1)
})
