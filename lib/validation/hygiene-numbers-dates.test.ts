// Integration: numbers and dates through the real save paths (schema, then the lib function that
// writes) against a real database. "0x10", "5e3" and "Infinity" are not numbers a person typed;
// "2030-02-30" is not a day; neither is saved as something else. Their valid neighbours are.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { createVersionSchema } from '@/lib/apis/schemas'
import { topUpBalance } from '@/lib/billing/top-up-balance'
import { updateBillingSettings } from '@/lib/billing/update-billing-settings'
import { updatePaymentMethod } from '@/lib/billing/update-payment-method'
import { searchCatalog } from '@/lib/catalog/search-catalog'
import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import { createKey } from '@/lib/keys/create-key'
import { rotateKey } from '@/lib/keys/rotate-key'
import { createKeySchema, rotateKeySchema } from '@/lib/keys/schemas'
import { deprecateVersion } from '@/lib/lifecycle/deprecate-version'
import { deprecateVersionSchema } from '@/lib/lifecycle/schemas'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createPlan } from '@/lib/plans/create-plan'
import { createPlanSchema } from '@/lib/plans/schemas'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { addYears } from './dates'
import { fieldErrorsOf, submitForm } from './testing/submit-form'

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

/** The next February 29th at least a month ahead, so the leap-day case never goes stale. */
function nextLeapDay(): string {
  const soon = Date.now() + 31 * 86_400_000
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const day = Date.UTC(year, 1, 29)
    if (new Date(day).getUTCMonth() === 1 && day > soon) return new Date(day).toISOString().slice(0, 10)
  }
}
const isoDay = (date: Date) => date.toISOString().slice(0, 10)
const NOT_NUMBERS = ['0x10', '5e3', 'Infinity', '1 000'] as const

describe('version timeouts (createVersion)', () => {
  test.each([
    ...NOT_NUMBERS.map((v) => [v, 'Enter a number of milliseconds']),
    ['30000.5', 'Enter whole milliseconds'],
    ['-3', 'At least 100 ms'],
  ])('timeout %j is refused (%s) and no version is stored', async (timeoutMs, message) => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    const raw = {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV1),
      timeoutMs,
    }
    const result = await submitForm(createVersionSchema, raw, (input) => createVersion(scope, input))
    expect(fieldErrorsOf(result).timeoutMs).toEqual([message])
    expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
  })

  test('a plain 5000 is saved as 5000 ms', async () => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    const raw = {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: JSON.stringify(petstoreV1),
      timeoutMs: '5000',
    }
    expect((await submitForm(createVersionSchema, raw, (input) => createVersion(scope, input))).ok).toBe(true)
    expect((await db.apiVersion.findFirstOrThrow({ where: { apiId: api.id } })).timeoutMs).toBe(5000)
  })
})

describe('plan rate limits, quotas and prices (createPlan)', () => {
  test.each([
    ...NOT_NUMBERS.map((v) => [{ rateLimit: v }, 'rateLimit', 'Enter a whole number'] as const),
    [{ rateLimit: '-3' }, 'rateLimit', 'At least 1 request'],
    ...NOT_NUMBERS.map(
      (v) =>
        [
          { paid: 'true', pricePerCall: '0.001', freeCallsPerMonth: v },
          'freeCallsPerMonth',
          'Enter a whole number',
        ] as const,
    ),
    [{ paid: 'true', pricePerCall: '0.001', freeCallsPerMonth: '-1' }, 'freeCallsPerMonth', 'Enter 0 or more'],
    ...NOT_NUMBERS.map(
      (v) => [{ paid: 'true', pricePerCall: v }, 'pricePerCall', 'Enter a price such as 0.002'] as const,
    ),
  ] as const)('%j is refused on %s and no plan is stored', async (fields, field, message) => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    const result = await submitForm(createPlanSchema, { apiId: api.id, name: 'Metered', ...fields }, (input) =>
      createPlan(scope, input),
    )
    expect(fieldErrorsOf(result)[field]).toEqual([message])
    expect(await db.plan.count({ where: { apiId: api.id } })).toBe(0)
  })

  test('10 requests, 0 free calls and 0.5 per call are saved as typed', async () => {
    const { scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    const raw = {
      apiId: api.id,
      name: 'Metered',
      rateLimit: '10',
      paid: 'true',
      pricePerCall: '0.5',
      freeCallsPerMonth: '0',
    }
    expect((await submitForm(createPlanSchema, raw, (input) => createPlan(scope, input))).ok).toBe(true)
    expect(
      await db.plan.findFirstOrThrow({
        where: { apiId: api.id },
        select: { rateLimit: true, freeCallsPerMonth: true, pricePerCallMicros: true },
      }),
    ).toEqual({ rateLimit: 10, freeCallsPerMonth: 0, pricePerCallMicros: 500_000n })
  })
})

describe('money (top-up, budget, credit limit)', () => {
  // The billing actions hand the form to the lib functions, which parse it themselves.
  const anyForm = z.record(z.string(), z.unknown())
  type Save = (scope: TeamScope) => (input: Record<string, unknown>) => Promise<unknown>
  const topUp: Save = (scope) => (input) => topUpBalance(scope, input)
  const settings: Save = (scope) => (input) => updateBillingSettings(scope, input)

  test.each([
    ...NOT_NUMBERS.map((v) => [topUp, { amount: v, idempotencyKey: 'form-key-123' }, 'amount'] as const),
    ...NOT_NUMBERS.map(
      (v) => [settings, { monthlyBudget: v, alertThresholds: '', creditLimit: '0' }, 'monthlyBudget'] as const,
    ),
    ...NOT_NUMBERS.map(
      (v) => [settings, { monthlyBudget: '', alertThresholds: '', creditLimit: v }, 'creditLimit'] as const,
    ),
  ])('%#: a non-decimal amount is a field error and moves no money', async (save, raw, field) => {
    const { team, scope } = await createTestTeam()
    await updatePaymentMethod(scope, { cardNumber: '4242 4242 4242 4242' })
    const result = await submitForm(anyForm, raw, save(scope))
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect(fieldErrorsOf(result)[field]).toEqual(['Enter a number such as 25 or 25.50'])
    expect(await db.ledgerEntry.count({ where: { teamId: team.id } })).toBe(0)
    expect(await db.billingAccount.findUniqueOrThrow({ where: { teamId: team.id } })).toMatchObject({
      balanceMicros: 0n,
      monthlyBudgetMicros: null,
      creditLimitMicros: 0n,
    })
  })

  test('a top-up of 5.5 credits five and a half units', async () => {
    const { team, scope } = await createTestTeam()
    await updatePaymentMethod(scope, { cardNumber: '4242 4242 4242 4242' })
    const result = await submitForm(anyForm, { amount: '5.5', idempotencyKey: createId('topup') }, topUp(scope))
    expect(result.ok).toBe(true)
    expect((await db.billingAccount.findUniqueOrThrow({ where: { teamId: team.id } })).balanceMicros).toBe(5_500_000n)
  })
})

describe('deprecation sunsets (deprecateVersion)', () => {
  async function publishedVersion() {
    const { team, scope } = await createTestTeam()
    const api = await createApi(scope, { name: 'Pets', slug: 'pets' })
    const version = await db.apiVersion.create({
      data: {
        id: createId('ver'),
        apiId: api.id,
        teamId: team.id,
        version: 'v1',
        major: 1,
        state: 'PUBLISHED',
        openapi: JSON.stringify(petstoreV1),
        upstreamUrl: upstream.url,
        publishedAt: new Date(),
      },
    })
    const deprecate = (fields: Record<string, string>) =>
      submitForm(deprecateVersionSchema, { versionId: version.id, ...fields }, (input) =>
        deprecateVersion(scope, input),
      )
    return { version, deprecate }
  }

  const tooFar = isoDay(addYears(new Date(), 12))
  test.each([
    ['2030-02-30', '2030-02-30 does not exist: February 2030 has 28 days'],
    ['2031-02-29', '2031-02-29 does not exist: February 2031 has 28 days'],
    ['275760-09-13', 'Choose a year from 2000 to 2100'],
    [tooFar, expect.stringMatching(/^Choose a sunset within 10 years \(\d{4}-\d{2}-\d{2} at the latest\)$/)],
    ['', 'Pick a sunset date'],
  ])('sunset %j is refused and the version stays published', async (sunsetAt, message) => {
    const { version, deprecate } = await publishedVersion()
    expect(fieldErrorsOf(await deprecate({ sunsetAt }))).toEqual({ sunsetAt: [message] })
    expect(
      await db.apiVersion.findUniqueOrThrow({ where: { id: version.id }, select: { state: true, sunsetAt: true } }),
    ).toEqual({ state: 'PUBLISHED', sunsetAt: null })
    expect(await db.lifecycleEvent.count({ where: { versionId: version.id } })).toBe(0)
  })

  test('a reason with a bidi control is refused as well', async () => {
    const { version, deprecate } = await publishedVersion()
    expect(fieldErrorsOf(await deprecate({ sunsetAt: nextLeapDay(), reason: 'Use v2 \u202Enow' })).reason).toEqual([
      expect.stringContaining('U+202E'),
    ])
    expect((await db.apiVersion.findUniqueOrThrow({ where: { id: version.id } })).state).toBe('PUBLISHED')
  })

  test('a leap-day sunset is saved as that day, midnight UTC', async () => {
    const { version, deprecate } = await publishedVersion()
    const day = nextLeapDay()
    expect((await deprecate({ sunsetAt: day })).ok).toBe(true)
    expect(
      await db.apiVersion.findUniqueOrThrow({ where: { id: version.id }, select: { state: true, sunsetAt: true } }),
    ).toEqual({ state: 'DEPRECATED', sunsetAt: new Date(`${day}T00:00:00.000Z`) })
  })
})

describe('key expiry and rotation grace (createKey, rotateKey)', () => {
  test.each([
    ['2030-02-30', '2030-02-30 does not exist: February 2030 has 28 days'],
    ['2031-02-29', '2031-02-29 does not exist: February 2031 has 28 days'],
    ['275760-09-13', 'Choose a year from 2000 to 2100'],
    ['2020-01-01', 'Choose a date in the future'],
    ['next week', 'Enter a date as YYYY-MM-DD, optionally with a time as HH:MM'],
  ])('expiry %j is refused and no key is created', async (expiresAt, message) => {
    const team = await createTestTeam({ label: 'keys' })
    const result = await submitForm(createKeySchema, { name: 'billing-service', expiresAt }, (input) =>
      createKey(team.scope, input),
    )
    expect(fieldErrorsOf(result)).toEqual({ expiresAt: [message] })
    expect(await db.apiKey.count({ where: { teamId: team.id } })).toBe(0)
  })

  test('a leap-day expiry is saved as that day', async () => {
    const team = await createTestTeam({ label: 'keys' })
    const day = nextLeapDay()
    expect(
      (
        await submitForm(createKeySchema, { name: 'billing-service', expiresAt: day }, (input) =>
          createKey(team.scope, input),
        )
      ).ok,
    ).toBe(true)
    expect((await db.apiKey.findFirstOrThrow({ where: { teamId: team.id } })).expiresAt).toEqual(
      new Date(`${day}T00:00:00.000Z`),
    )
  })

  test.each(['0x0', '3.6e3', 'Infinity'])(
    'grace %j is not "none" or "1 hour": the rotation is refused',
    async (graceSeconds) => {
      const team = await createTestTeam({ label: 'keys' })
      const { key } = await createKey(team.scope, { name: 'billing-service' })
      const result = await submitForm(rotateKeySchema, { keyId: key.id, graceSeconds }, (input) =>
        rotateKey(team.scope, input),
      )
      expect(fieldErrorsOf(result)).toEqual({ graceSeconds: ['Choose one of the offered grace periods'] })
      expect(await db.apiKey.count({ where: { teamId: team.id } })).toBe(1)
      expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).graceEndsAt).toBeNull()
    },
  )
})

describe('query strings keep their fallbacks', () => {
  test('a NUL or a bidi control in a catalog search is a search, not a database error', async () => {
    const { team } = await createTestTeam()
    const name = `Tide tables ${randomToken(6)}`
    await db.api.create({
      data: {
        id: createId('api'),
        teamId: team.id,
        slug: 'tides',
        name,
        visibility: 'INTERNAL',
        state: 'PUBLISHED',
        searchText: name.toLowerCase(),
      },
    })
    const viewer = { teamIds: [team.id] }
    const page = await searchCatalog(viewer, { q: `${name.split(' ')[2]}\u0000\u202E`, page: '0x10' })
    expect(page.items.map((item) => item.name)).toEqual([name])
    expect(page.query.page).toBe(1)
  })
})
