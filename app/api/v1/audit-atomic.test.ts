import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { createApi } from '@/lib/apis/create-api'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createKey } from '@/lib/keys/create-key'
import { createPlan } from '@/lib/plans/create-plan'
import { testDatabaseProvider } from '@/lib/testing/test-database'
import { routeCall, send, setupManagementWorld } from './testing/management-fixture'

// An /api/v1 write and its audit entry commit together: when the database refuses the entry, the
// write is rolled back (the caller sees a 5xx problem, the row is as it was); otherwise one write
// is exactly one entry.

const setup = setupManagementWorld()

// A trigger refuses the audit rows of calls made with this user agent, and only those.
const REFUSED_AGENT = 'audit-refused/1.0'

beforeAll(async () => {
  if (testDatabaseProvider() === 'postgres') {
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."userAgent" = '${REFUSED_AGENT}' THEN RAISE EXCEPTION 'audit entry refused'; END IF; RETURN NEW; END $$`)
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_marked_audit BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION refuse_marked_audit()`,
    )
  } else {
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_marked_audit BEFORE INSERT ON "AuditEntry"
      WHEN NEW."userAgent" = '${REFUSED_AGENT}' BEGIN SELECT RAISE(ABORT, 'audit entry refused'); END`)
  }
})
afterAll(async () => {
  await db.$executeRawUnsafe('DROP TRIGGER IF EXISTS refuse_marked_audit' + (isPostgres() ? ' ON "AuditEntry"' : ''))
})

const isPostgres = () => testDatabaseProvider() === 'postgres'

type Case = {
  label: string
  /** A fresh write for each run, and what it would change. */
  prepare: () => Promise<{ method: string; template: string; ids?: Record<string, string>; body?: unknown }>
  observe: () => Promise<unknown>
}

const acmeKeys = () => db.apiKey.findMany({ where: { teamId: setup.world.acme.id }, orderBy: { id: 'asc' } })
const freshKey = async () => ({ key: (await createKey(setup.world.acme.scope, { name: 'to change' })).key.id })
const geoSubscriptions = () =>
  db.subscription.findMany({ where: { apiId: setup.world.geo.id }, select: { id: true, state: true } })

const fresh = () => Math.random().toString(36).slice(2, 8)
const acmeApis = () => db.api.findMany({ where: { teamId: setup.world.acme.id }, select: { id: true, name: true } })
const acmePlans = () =>
  db.plan.findMany({ where: { teamId: setup.world.acme.id }, select: { id: true, name: true, archivedAt: true } })
const weatherIds = () => ({ api: 'weather', plan: setup.world.ids.plan })

async function weatherVersionIn(state: 'PUBLISHED' | 'DEPRECATED') {
  const { acme } = setup.world
  const apiId = (await db.api.findFirstOrThrow({ where: { teamId: acme.id, slug: 'weather' } })).id
  const version = `v${fresh()}`
  const sunsetAt = state === 'DEPRECATED' ? new Date(Date.now() - 24 * 3600 * 1000) : null
  const data = { id: createId('ver'), apiId, teamId: acme.id, version, major: 1, state, sunsetAt }
  await db.apiVersion.create({ data: { ...data, openapi: '{}', upstreamUrl: 'http://127.0.0.1:9' } })
  return { api: 'weather', version }
}
const acmeVersions = () =>
  db.apiVersion.findMany({ where: { teamId: setup.world.acme.id }, select: { id: true, state: true } })

const acmeAi = async () => [
  await db.aiProvider.findMany({ where: { teamId: setup.world.acme.id }, select: { id: true } }),
  await db.aiModel.findMany({ where: { teamId: setup.world.acme.id }, select: { id: true } }),
]
const newProvider = () =>
  createProvider(setup.world.acme.scope, { name: `P ${fresh()}`, kind: 'OLLAMA', baseUrl: setup.upstreamUrl })

const CASES: Case[] = [
  {
    label: 'DELETE /apis/{api}',
    prepare: async () => {
      const { slug } = await createApi(setup.world.acme.scope, { name: 'Gone', slug: `gone-${fresh()}` })
      return { method: 'DELETE', template: '/teams/{team}/apis/{api}', ids: { api: slug } }
    },
    observe: acmeApis,
  },
  {
    label: 'POST /ai/providers',
    prepare: async () => ({
      method: 'POST',
      template: '/teams/{team}/ai/providers',
      body: { name: `P ${fresh()}`, kind: 'OLLAMA', baseUrl: setup.upstreamUrl },
    }),
    observe: acmeAi,
  },
  {
    label: 'DELETE /ai/providers/{provider}',
    prepare: async () => ({
      method: 'DELETE',
      template: '/teams/{team}/ai/providers/{provider}',
      ids: { provider: (await newProvider()).id },
    }),
    observe: acmeAi,
  },
  {
    label: 'DELETE /ai/models/{model}',
    prepare: async () => {
      const provider = await newProvider()
      const model = await createModel(setup.world.acme.scope, {
        providerId: provider.id,
        name: `m-${fresh()}`,
        providerModel: 'llama3',
        inputPrice: '0',
        outputPrice: '0',
        contextWindow: '8000',
        maxOutputTokens: '1000',
      })
      return { method: 'DELETE', template: '/teams/{team}/ai/models/{model}', ids: { model: model.id } }
    },
    observe: acmeAi,
  },
  {
    label: 'POST /apis/{api}/versions/{version}/deprecate',
    prepare: async () => ({
      method: 'POST',
      template: '/teams/{team}/apis/{api}/versions/{version}/deprecate',
      ids: await weatherVersionIn('PUBLISHED'),
      body: { sunsetAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString() },
    }),
    observe: acmeVersions,
  },
  {
    label: 'POST /apis/{api}/versions/{version}/retire',
    prepare: async () => ({
      method: 'POST',
      template: '/teams/{team}/apis/{api}/versions/{version}/retire',
      ids: await weatherVersionIn('DEPRECATED'),
    }),
    observe: acmeVersions,
  },
  {
    label: 'POST /apis',
    prepare: async () => ({
      method: 'POST',
      template: '/teams/{team}/apis',
      body: { name: 'Atomic', slug: `a-${fresh()}` },
    }),
    observe: acmeApis,
  },
  {
    label: 'PATCH /apis/{api}',
    prepare: async () => ({
      method: 'PATCH',
      template: '/teams/{team}/apis/{api}',
      ids: weatherIds(),
      body: { name: fresh() },
    }),
    observe: acmeApis,
  },
  {
    label: 'POST /apis/{api}/plans',
    prepare: async () => ({
      method: 'POST',
      template: '/teams/{team}/apis/{api}/plans',
      ids: weatherIds(),
      body: { name: `P ${fresh()}`, approval: 'AUTO' },
    }),
    observe: acmePlans,
  },
  {
    label: 'PATCH /apis/{api}/plans/{plan}',
    prepare: async () => ({
      method: 'PATCH',
      template: '/teams/{team}/apis/{api}/plans/{plan}',
      ids: weatherIds(),
      body: { name: `Free ${fresh()}` },
    }),
    observe: acmePlans,
  },
  {
    label: 'POST /apis/{api}/plans/{plan}/archive',
    prepare: async () => {
      const { acme } = setup.world
      const apiId = (await db.api.findFirstOrThrow({ where: { teamId: acme.id, slug: 'weather' } })).id
      const plan = await createPlan(acme.scope, { apiId, name: `A ${fresh()}`, approval: 'AUTO' })
      return {
        method: 'POST',
        template: '/teams/{team}/apis/{api}/plans/{plan}/archive',
        ids: { api: 'weather', plan: plan.id },
      }
    },
    observe: acmePlans,
  },
  {
    label: 'POST /keys',
    prepare: async () => ({ method: 'POST', template: '/teams/{team}/keys', body: { name: 'atomic' } }),
    observe: acmeKeys,
  },
  {
    label: 'POST /keys/{key}/rotate',
    prepare: async () => ({ method: 'POST', template: '/teams/{team}/keys/{key}/rotate', ids: await freshKey() }),
    observe: acmeKeys,
  },
  {
    label: 'POST /keys/{key}/revoke',
    prepare: async () => ({ method: 'POST', template: '/teams/{team}/keys/{key}/revoke', ids: await freshKey() }),
    observe: acmeKeys,
  },
  {
    label: 'POST /subscriptions/{subscription}/approve',
    prepare: async () => {
      const { geo, globex } = setup.world
      await db.subscription.updateMany({ where: { apiId: geo.id }, data: { state: 'CANCELLED' } })
      const pending = await db.subscription.create({
        data: {
          id: `sub_${Math.random().toString(36).slice(2)}`,
          apiId: geo.id,
          planId: geo.plans.Manual,
          ownerTeamId: geo.teamId,
          consumerTeamId: globex.id,
          state: 'PENDING',
        },
      })
      return {
        method: 'POST',
        template: '/teams/{team}/subscriptions/{subscription}/approve',
        ids: { subscription: pending.id },
      }
    },
    observe: geoSubscriptions,
  },
]

const entryCount = () => db.auditEntry.count({ where: { teamId: setup.world.acme.id } })

describe.each(CASES)('$label', ({ prepare, observe }) => {
  const call = async (userAgent: string) => {
    const { method, template, ids, body } = await prepare()
    const { acme, tokens } = setup.world
    const before = await observe()
    const response = await send(routeCall(method, template, acme.slug, ids), tokens.write, {
      body: body ?? {},
      headers: { 'user-agent': userAgent },
    })
    return { before, response }
  }

  test('is rolled back when its audit entry is refused', async () => {
    const entries = await entryCount()
    const { before, response } = await call(REFUSED_AGENT)
    expect(response.status).toBeGreaterThanOrEqual(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await observe()).toEqual(before)
    expect(await entryCount()).toBe(entries)
  })

  test('writes exactly one entry, committed with it', async () => {
    const entries = await entryCount()
    const { before, response } = await call('deploy-script/1.0')
    expect(response.status, await response.clone().text()).toBeLessThan(300)
    expect(await observe()).not.toEqual(before)
    expect(await entryCount()).toBe(entries + 1)
  })
})
