// Integration: hostile names and notes through the real save paths (schema, then the lib function
// that writes) against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL). Each hostile
// input is refused with a field error naming the character and writes nothing; its valid
// neighbours (accents, emoji, RTL letters) are saved, composed to NFC.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { createApiSchema, createVersionSchema, updateApiSchema } from '@/lib/apis/schemas'
import { updateApi } from '@/lib/apis/update-api'
import { updatePaymentMethodSchema } from '@/lib/billing/schemas'
import { updatePaymentMethod } from '@/lib/billing/update-payment-method'
import { scopeOf } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import { resolveIncident } from '@/lib/incidents/resolve-incident'
import { resolveIncidentSchema } from '@/lib/incidents/schemas'
import { createKey } from '@/lib/keys/create-key'
import { createKeySchema } from '@/lib/keys/schemas'
import { deprecateVersionSchema, publishVersionSchema, retireVersionSchema } from '@/lib/lifecycle/schemas'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createPlan } from '@/lib/plans/create-plan'
import { createPlanSchema, updatePlanSchema } from '@/lib/plans/schemas'
import { rejectSubscription } from '@/lib/subscriptions/decide-subscription'
import { rejectSubscriptionSchema, suspendSubscriptionSchema } from '@/lib/subscriptions/schemas'
import { subscribe } from '@/lib/subscriptions/subscribe'
import { seedApi } from '@/lib/subscriptions/testing/seed-subscription-fixture'
import { createTeam } from '@/lib/teams/create-team'
import { createTeamSchema, updateTeamSchema } from '@/lib/teams/schemas'
import { createTestTeam, createUser } from '@/lib/testing/create-test-team'
import { updateTeam } from '@/lib/teams/update-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { fieldErrorsOf, submitForm } from './testing/submit-form'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

const HOSTILE = [
  ['a right-to-left override', 'abc\u202Egnp.exe', 'U+202E'],
  ['a right-to-left isolate', 'Pay \u2067ments', 'U+2067'],
  ['a left-to-right mark', 'Pay\u200Ements', 'U+200E'],
  ['an Arabic letter mark', 'Pay\u061Cments', 'U+061C'],
  ['a NUL', 'Pay\u0000ments', 'U+0000'],
  ['an escape sequence', 'Pay\u001B[31mments', 'U+001B'],
  ['a C1 control', 'Pay\u0085ments', 'U+0085'],
] as const

const NEIGHBOURS = [
  ['accents', 'Café Zürich Łódź', 'Café Zürich Łódź'],
  ['decomposed accents (stored composed)', 'Cafe\u0301 Zu\u0308rich', 'Café Zürich'],
  ['emoji with a ZWJ sequence', 'Launch 🚀 team 👩\u200D💻', 'Launch 🚀 team 👩\u200D💻'],
  ['Hebrew letters', 'צוות תשלומים', 'צוות תשלומים'],
  ['Arabic letters', 'فريق الدفع', 'فريق الدفع'],
] as const

describe('team names (createTeam, updateTeam)', () => {
  test.each(HOSTILE)('%s is refused with a field error and no team is created', async (_label, name, codePoint) => {
    const user = await createUser('founder')
    const slug = `t-${randomToken(8)}`
    const result = await submitForm(createTeamSchema, { name, slug }, (input) => createTeam(user.id, input))
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect(fieldErrorsOf(result).name).toEqual([expect.stringContaining(codePoint)])
    expect(await db.team.count({ where: { slug } })).toBe(0)
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0)
  })

  test.each(NEIGHBOURS)('%s are saved', async (_label, name, stored) => {
    const user = await createUser('founder')
    const result = await submitForm(createTeamSchema, { name, slug: `t-${randomToken(8)}` }, (input) =>
      createTeam(user.id, input),
    )
    expect(result.ok).toBe(true)
    const team = await db.team.findUniqueOrThrow({ where: { id: result.ok ? result.data.id : '' } })
    expect(team.name).toBe(stored)
  })

  test('a rename with a bidi control is refused and the old name stays', async () => {
    const user = await createUser('founder')
    const team = await createTeam(user.id, { name: 'Acme', slug: `t-${randomToken(8)}` })
    const result = await submitForm(updateTeamSchema, { name: 'Acme\u202Enimda' }, (input) =>
      updateTeam(scopeOf({ team, user, role: 'OWNER' }), input),
    )
    expect(fieldErrorsOf(result).name).toEqual(['Remove the invisible character U+202E (right-to-left override)'])
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe('Acme')
  })
})

describe('API names, descriptions and tags (createApi, updateApi)', () => {
  const apiCount = (teamId: string) => db.api.count({ where: { teamId } })

  test.each([
    ...HOSTILE.map(
      ([label, value, codePoint]) => [`a name with ${label}`, { name: value }, 'name', codePoint] as const,
    ),
    ['a description with a NUL', { description: 'Line one\nline\u0000two' }, 'description', 'U+0000'],
    ['a description with a bidi override', { description: 'Returns \u202Etxt.exe' }, 'description', 'U+202E'],
    ['a tag with a bidi override', { tags: 'payments, \u202Eevil' }, 'tags', 'U+202E'],
  ] as const)('%s is refused on its field and no API is created', async (_label, fields, field, codePoint) => {
    const owner = await createTestTeam({ label: 'owner' })
    const raw = { name: 'Weather', slug: `w-${randomToken(6)}`, ...fields }
    const result = await submitForm(createApiSchema, raw, (input) => createApi(owner.scope, input))
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect(fieldErrorsOf(result)[field]).toEqual([expect.stringContaining(codePoint)])
    expect(await apiCount(owner.id)).toBe(0)
  })

  test.each(NEIGHBOURS)(
    '%s are saved as a name, and a multi-line description keeps its lines',
    async (_label, name, stored) => {
      const owner = await createTestTeam({ label: 'owner' })
      const raw = { name, slug: `w-${randomToken(6)}`, description: 'First line\r\n\tSecond line', tags: 'payments' }
      const result = await submitForm(createApiSchema, raw, (input) => createApi(owner.scope, input))
      expect(result.ok).toBe(true)
      expect(
        await db.api.findFirstOrThrow({ where: { teamId: owner.id }, select: { name: true, description: true } }),
      ).toEqual({ name: stored, description: 'First line\n\tSecond line' })
    },
  )

  test('an edit with a control character changes nothing', async () => {
    const owner = await createTestTeam({ label: 'owner' })
    const api = await createApi(owner.scope, { name: 'Weather', slug: 'weather', description: 'Forecasts' })
    const result = await submitForm(
      updateApiSchema,
      { apiId: api.id, name: 'Weather', description: 'Fore\u0007casts' },
      (input) => updateApi(owner.scope, input),
    )
    expect(fieldErrorsOf(result).description).toEqual(['Remove the invisible character U+0007 (bell)'])
    expect(await db.api.findUniqueOrThrow({ where: { id: api.id }, select: { description: true } })).toEqual({
      description: 'Forecasts',
    })
  })
  test('an OpenAPI document with a NUL past the binary sniffing is refused by the contract check and stores nothing', async () => {
    const owner = await createTestTeam({ label: 'owner' })
    const api = await createApi(owner.scope, { name: 'Pets', slug: 'pets' })
    const openapi = JSON.stringify({
      ...petstoreV1,
      info: { ...petstoreV1.info, description: `${'x'.repeat(9000)}\u0000` },
    }).replace('\\u0000', '\u0000')
    expect(openapi.indexOf('\u0000')).toBeGreaterThan(8192)
    const raw = { apiId: api.id, version: 'v1', upstreamUrl: 'http://127.0.0.1:9/', openapi }
    const result = await submitForm(createVersionSchema, raw, (input) => createVersion(owner.scope, input))
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect(fieldErrorsOf(result).openapi?.length).toBeGreaterThan(0)
    expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
  })
})

describe('plan and key names (createPlan, createKey)', () => {
  test('a plan name with a bidi control is refused; an accented one with an emoji is saved', async () => {
    const owner = await createTestTeam({ label: 'owner' })
    const api = await createApi(owner.scope, { name: 'Weather', slug: 'weather' })
    const refused = await submitForm(createPlanSchema, { apiId: api.id, name: 'Free\u202E' }, (input) =>
      createPlan(owner.scope, input),
    )
    expect(fieldErrorsOf(refused).name).toEqual([expect.stringContaining('U+202E')])
    expect(await db.plan.count({ where: { apiId: api.id } })).toBe(0)
    const saved = await submitForm(
      createPlanSchema,
      { apiId: api.id, name: 'Básico 🚀', description: 'Para probar' },
      (input) => createPlan(owner.scope, input),
    )
    expect(saved.ok).toBe(true)
    expect((await db.plan.findFirstOrThrow({ where: { apiId: api.id } })).name).toBe('Básico 🚀')
  })

  test('a key name with a NUL is refused; one in Hebrew is saved', async () => {
    const team = await createTestTeam({ label: 'keys' })
    const refused = await submitForm(createKeySchema, { name: 'billing\u0000prod' }, (input) =>
      createKey(team.scope, input),
    )
    expect(fieldErrorsOf(refused).name).toEqual([expect.stringContaining('U+0000')])
    expect(await db.apiKey.count({ where: { teamId: team.id } })).toBe(0)
    const saved = await submitForm(createKeySchema, { name: 'שירות חיוב' }, (input) => createKey(team.scope, input))
    expect(saved.ok).toBe(true)
    expect((await db.apiKey.findFirstOrThrow({ where: { teamId: team.id } })).name).toBe('שירות חיוב')
  })
})

describe('reasons and notes (subscriptions, incidents) and billing fields', () => {
  test('a rejection reason with a bidi control is refused and the request stays pending; a multi-line RTL one is kept', async () => {
    const owner = await createTestTeam({ label: 'owner' })
    const consumer = await createTestTeam({ label: 'consumer' })
    const api = await seedApi(owner.id, 'weather')
    const subscription = await subscribe(consumer.scope, { apiId: api.id, planId: api.plans.Manual })
    const reject = (reason: string) =>
      submitForm(rejectSubscriptionSchema, { subscriptionId: subscription.id, reason }, (input) =>
        rejectSubscription(owner.scope, input),
      )

    expect(fieldErrorsOf(await reject('Not \u202Eallowed')).reason).toEqual([expect.stringContaining('U+202E')])
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      state: 'PENDING',
      reason: null,
    })

    expect((await reject('לא מאושר\r\nנסו שוב')).ok).toBe(true)
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      state: 'REJECTED',
      reason: 'לא מאושר\nנסו שוב',
    })
  })

  test('an incident resolution note with a NUL is refused and the incident stays open', async () => {
    const team = await createTestTeam({ label: 'consumer' })
    const now = new Date()
    const incident = await db.paymentIncident.create({
      data: {
        id: createId('inc'),
        consumerTeamId: team.id,
        ownerTeamId: team.id,
        apiId: createId('api'),
        cause: 'insufficient_balance',
        firstSeenAt: now,
        lastSeenAt: now,
        blockedCalls: 1,
      },
    })
    const resolve = (reason: string) =>
      submitForm(resolveIncidentSchema, { incidentId: incident.id, reason }, (input) =>
        resolveIncident(team.scope, input),
      )
    expect(fieldErrorsOf(await resolve('Topped up\u0000')).reason).toEqual([expect.stringContaining('U+0000')])
    expect((await db.paymentIncident.findUniqueOrThrow({ where: { id: incident.id } })).state).toBe('OPEN')
    expect((await resolve('Topped up by wire ✅')).ok).toBe(true)
    expect((await db.paymentIncident.findUniqueOrThrow({ where: { id: incident.id } })).state).toBe('RESOLVED')
  })

  test('a card number with a control character is a field error and the account is untouched', async () => {
    const team = await createTestTeam({ label: 'payer' })
    // The billing actions hand the form to the lib function, which parses it itself.
    const result = await submitForm(
      z.record(z.string(), z.unknown()),
      { cardNumber: '4242\u0000 4242 4242 4242' },
      (input) => updatePaymentMethod(team.scope, input),
    )
    expect(fieldErrorsOf(result).cardNumber).toEqual([expect.stringContaining('U+0000')])
    expect(await db.billingAccount.count({ where: { teamId: team.id } })).toBe(0)
  })
})

// Every human-entered text field of every form, in one table: a bidi control and a NUL are
// refused on that field, and the same input without them passes.
const FUTURE_DAY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
const TEXT_FIELDS: Array<[string, z.ZodType, Record<string, unknown>, string]> = [
  ['team name', createTeamSchema, { slug: 'acme' }, 'name'],
  ['team rename', updateTeamSchema, {}, 'name'],
  ['API name', createApiSchema, { slug: 'weather' }, 'name'],
  ['API description', createApiSchema, { name: 'Weather', slug: 'weather' }, 'description'],
  ['API tags', createApiSchema, { name: 'Weather', slug: 'weather' }, 'tags'],
  ['API rename', updateApiSchema, { apiId: 'api_1' }, 'name'],
  ['plan name', createPlanSchema, { apiId: 'api_1' }, 'name'],
  ['plan description', createPlanSchema, { apiId: 'api_1', name: 'Free' }, 'description'],
  ['plan rename', updatePlanSchema, { planId: 'plan_1' }, 'name'],
  ['key name', createKeySchema, {}, 'name'],
  ['rejection reason', rejectSubscriptionSchema, { subscriptionId: 'sub_1' }, 'reason'],
  ['suspension reason', suspendSubscriptionSchema, { subscriptionId: 'sub_1' }, 'reason'],
  ['incident resolution note', resolveIncidentSchema, { incidentId: 'inc_1' }, 'reason'],
  ['publish override reason', publishVersionSchema, { versionId: 'ver_1', override: 'on' }, 'overrideReason'],
  ['deprecation reason', deprecateVersionSchema, { versionId: 'ver_1', sunsetAt: FUTURE_DAY }, 'reason'],
  ['retirement reason', retireVersionSchema, { versionId: 'ver_1' }, 'reason'],
  ['card number', updatePaymentMethodSchema, {}, 'cardNumber'],
]

test.each(TEXT_FIELDS)('%s: refuses U+202E and NUL, accepts the clean text', (_label, schema, base, field) => {
  const clean = field === 'cardNumber' ? '4242 4242 4242 4242' : field === 'tags' ? 'payments' : 'Pagos rápidos'
  const issuesOn = (value: string) => {
    const result = schema.safeParse({ ...base, [field]: value })
    return result.success ? [] : result.error.issues.filter((i) => i.path.join('.') === field).map((i) => i.message)
  }
  expect(issuesOn(`${clean.slice(0, 4)}\u202E${clean.slice(4)}`)).toEqual([expect.stringContaining('U+202E')])
  expect(issuesOn(`${clean}\u0000`)).toEqual([expect.stringContaining('U+0000')])
  expect(schema.safeParse({ ...base, [field]: clean }).success).toBe(true)
})
