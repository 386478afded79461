// Integration: plan services against a real database.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { ZodError } from 'zod'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { db } from '@/lib/db'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { createPlanSchema } from './schemas'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { archivePlan } from './archive-plan'
import { createPlan } from './create-plan'
import { listPlans } from './list-plans'
import { formatPlanPrice } from './format-plan-price'
import { planFormValues } from './plan-form-values'
import { updatePlan } from './update-plan'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

test('create, edit and archive plans; archived plans do not count for publishing', async () => {
  const { scope } = await createTestTeam()
  const other = await createTestTeam()
  const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
  const before = await readConfigVersion(db)
  const plan = await createPlan(scope, {
    apiId: api.id,
    name: 'Starter',
    description: 'For trying it out',
    rateLimit: '10',
    rateWindow: 'SECOND',
    approval: 'MANUAL',
  })
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
  expect(await db.plan.findFirstOrThrow({ where: { id: plan.id } })).toMatchObject({
    rateLimit: 10,
    rateWindow: 'SECOND',
    approval: 'MANUAL',
    pricePerCallMicros: 0n,
    archivedAt: null,
  })

  expect(await rejection(() => createPlan(scope, { apiId: api.id, name: 'Starter' }))).toMatchObject({
    status: 422,
    fieldErrors: { name: ['Pick another name'] },
  })
  expect(await rejection(() => createPlan(scope, { apiId: api.id, name: 'Bad', rateLimit: '0' }))).toMatchObject({
    name: 'ZodError',
  })

  // A partial update leaves the other fields alone; "" clears the rate limit.
  await updatePlan(scope, { planId: plan.id, description: 'Renamed' })
  expect(await db.plan.findFirstOrThrow({ where: { id: plan.id } })).toMatchObject({
    description: 'Renamed',
    rateLimit: 10,
    rateWindow: 'SECOND',
    approval: 'MANUAL',
  })
  await updatePlan(scope, { planId: plan.id, rateLimit: '' })
  expect((await db.plan.findFirstOrThrow({ where: { id: plan.id } })).rateLimit).toBeNull()
  expect(await rejection(() => updatePlan(other.scope, { planId: plan.id, name: 'Mine' }))).toMatchObject({
    status: 404,
  })
  expect(await rejection(() => archivePlan(other.scope, { planId: plan.id }))).toMatchObject({ status: 404 })

  const v1 = await createVersion(scope, {
    apiId: api.id,
    version: 'v1',
    upstreamUrl: 'http://127.0.0.1:9',
    openapi: JSON.stringify(petstoreV1),
  })
  expect((await getPublishChecks(scope, { versionId: v1.id })).plans).toEqual({ ok: true, count: 1 })
  expect(await archivePlan(scope, { planId: plan.id })).toEqual({ planId: plan.id, archived: true })
  expect(await archivePlan(scope, { planId: plan.id })).toEqual({ planId: plan.id, archived: false })
  expect((await getPublishChecks(scope, { versionId: v1.id })).plans).toEqual({ ok: false, count: 0 })
  expect(await listPlans(scope, { apiId: api.id })).toEqual([])
  expect(await listPlans(scope, { apiId: api.id, includeArchived: true })).toHaveLength(1)
})

test('paid plans: decimal prices become micro-units, round-trip through the form values and bump the config version', async () => {
  const { team, scope } = await createTestTeam()
  const api = await createApi(scope, { name: 'Weather', slug: 'weather' })
  const before = await readConfigVersion(db)
  const created = await createPlan(scope, {
    apiId: api.id,
    name: 'Pay as you go',
    paid: 'on',
    currency: ' eur ',
    pricePerCall: '0.002',
    pricePerMInput: '',
    pricePerMOutput: '1.5',
    freeCallsPerMonth: '1000',
  })
  const plan = await db.plan.findFirstOrThrow({ where: { id: created.id, teamId: team.id } })
  expect(plan).toMatchObject({
    paid: true,
    currency: 'EUR',
    pricePerCallMicros: 2_000n,
    pricePerMInputMicros: 0n,
    pricePerMOutputMicros: 1_500_000n,
    freeCallsPerMonth: 1_000,
  })
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
  expect(formatPlanPrice(plan)).toBe('0.002 EUR / call · 1.50 EUR / 1M output tokens · 1,000 free calls / month')
  expect(planFormValues(plan)).toMatchObject({
    paid: true,
    currency: 'EUR',
    pricePerCall: '0.002',
    pricePerMInput: '0.00',
    pricePerMOutput: '1.50',
    freeCallsPerMonth: 1_000,
  })

  // The edit form posts its own values back: nothing changes, but the gateways are told to re-read.
  const values = planFormValues(plan)
  const beforeEdit = await readConfigVersion(db)
  await updatePlan(scope, {
    ...values,
    planId: plan.id,
    paid: ['false', 'true'],
    rateLimit: '',
    rateWindow: 'MINUTE',
    approval: 'AUTO',
  })
  expect(await db.plan.findFirstOrThrow({ where: { id: plan.id } })).toMatchObject({
    pricePerCallMicros: 2_000n,
    pricePerMOutputMicros: 1_500_000n,
    freeCallsPerMonth: 1_000,
  })
  expect(await readConfigVersion(db)).toBeGreaterThan(beforeEdit)

  // A partial update keeps the other prices; the smallest step is one micro-unit.
  await updatePlan(scope, { planId: plan.id, pricePerCall: '0.000001' })
  expect(await db.plan.findFirstOrThrow({ where: { id: plan.id } })).toMatchObject({
    pricePerCallMicros: 1n,
    pricePerMOutputMicros: 1_500_000n,
    currency: 'EUR',
  })

  // Turning "paid" off clears prices and quota: a free plan is never charged.
  await updatePlan(scope, { planId: plan.id, paid: 'false' })
  const free = await db.plan.findFirstOrThrow({ where: { id: plan.id } })
  expect(free).toMatchObject({ paid: false, pricePerCallMicros: 0n, pricePerMOutputMicros: 0n, freeCallsPerMonth: 0 })
  expect(formatPlanPrice(free)).toBe('Free')

  // Turning it back on without a price is refused on the plan as it would be saved.
  expect(await rejection(() => updatePlan(scope, { planId: plan.id, paid: 'true' }))).toMatchObject({
    status: 422,
    code: 'plan_price_required',
    fieldErrors: { pricePerCall: [expect.stringContaining('needs a price')] },
  })
})

test('the form is parsed twice on its way in (action wrapper, then lib) and keeps its prices', async () => {
  const { team, scope } = await createTestTeam()
  const api = await createApi(scope, { name: 'Quotes', slug: 'quotes' })
  const raw = {
    apiId: api.id,
    name: 'Metered',
    paid: ['false', 'true'],
    currency: 'USD',
    pricePerCall: '0.002',
    pricePerMInput: '',
    pricePerMOutput: '',
    freeCallsPerMonth: '1000',
  }
  // What teamAction hands createPlan is already parsed: bigint prices, booleans, numbers.
  const created = await createPlan(scope, createPlanSchema.parse(raw))
  const plan = await db.plan.findFirstOrThrow({ where: { id: created.id, teamId: team.id } })
  expect(plan).toMatchObject({
    paid: true,
    pricePerCallMicros: 2_000n,
    pricePerMInputMicros: 0n,
    pricePerMOutputMicros: 0n,
    freeCallsPerMonth: 1_000,
  })
})

test.each([
  [
    'a paid plan without any price',
    { paid: 'on', pricePerCall: '0', pricePerMInput: '', pricePerMOutput: '0.000' },
    'pricePerCall',
    /needs a price/,
  ],
  ['a negative price', { paid: 'on', pricePerCall: '-0.01' }, 'pricePerCall', /0 or more/],
  ['seven decimals', { paid: 'on', pricePerCall: '0.0000001' }, 'pricePerCall', /6 decimal places/],
  ['words for a price', { paid: 'on', pricePerMInput: 'cheap' }, 'pricePerMInput', /price such as/],
  ['a float in exponent form', { paid: 'on', pricePerMOutput: '1e-3' }, 'pricePerMOutput', /price such as/],
  ['a huge price', { paid: 'on', pricePerCall: '99999999' }, 'pricePerCall', /At most/],
  ['a 4-letter currency', { paid: 'on', pricePerCall: '1', currency: 'EURO' }, 'currency', /3-letter/],
  [
    'a negative free quota',
    { paid: 'on', pricePerCall: '1', freeCallsPerMonth: '-1' },
    'freeCallsPerMonth',
    /0 or more/,
  ],
  [
    'a fractional free quota',
    { paid: 'on', pricePerCall: '1', freeCallsPerMonth: '2.5' },
    'freeCallsPerMonth',
    /whole number/,
  ],
])('refuses %s with a field error', async (_label, pricing, field, message) => {
  const { scope } = await createTestTeam()
  const api = await createApi(scope, { name: 'Priced', slug: 'priced' })
  const input = { apiId: api.id, name: 'Paid', ...pricing }
  // Schema mistakes surface as a ZodError (teamAction maps its issues to fields), rule breaks as an AppError.
  const error = await rejection(() => createPlan(scope, input))
  const messages =
    error.fieldErrors?.[field] ??
    (error as unknown as ZodError).issues?.filter((i) => i.path[0] === field).map((i) => i.message)
  expect(messages?.join(' ')).toMatch(message)
  expect(await db.plan.count({ where: { apiId: api.id } })).toBe(0)
})
