// What the /api/v1 tests share: a world of teams and resources, tokens with different scopes, and
// `send`, which calls a route handler with a real Request exactly as Next would.
import { afterAll, beforeAll } from 'vitest'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createKey } from '@/lib/keys/create-key'
import type { ManagementRouteHandler } from '@/lib/management-api/management-route'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createPlan } from '@/lib/plans/create-plan'
import { subscribe } from '@/lib/subscriptions/subscribe'
import { seedApi } from '@/lib/subscriptions/testing/seed-subscription-fixture'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { MANAGEMENT_ROUTES, type ManagementRouteEntry } from '../route-list'

export const PETS = JSON.stringify(petstoreV1)

/** acme's provider key: no answer of /api/v1 may ever contain it. */
export const PROVIDER_SECRET = 'sk-live-management-fixture-0123456789'

export type World = Awaited<ReturnType<typeof seedManagementWorld>>

/**
 * acme owns `weather` (a draft v1 and a plan), `geo` (published, with a MANUAL plan globex asked
 * for), a key, an AI provider (with a secret key) and a model on it; globex has an open payment
 * incident against acme; initech is unrelated.
 */
export async function seedManagementWorld(upstreamUrl: string) {
  const acme = await createTestTeam({ label: 'acme', members: { owner: 'OWNER', viewer: 'VIEWER' } })
  const globex = await createTestTeam({ label: 'globex' })
  const initech = await createTestTeam({ label: 'initech' })
  const token = async (team: TestTeam['scope'], access: 'read' | 'write', grants = {}) =>
    (await createManagementToken(team, { name: `${access} token`, access, ...grants })).value
  const tokens = {
    write: await token(acme.scope, 'write', { grantBilling: true, grantAi: true }),
    read: await token(acme.scope, 'read', { grantBilling: true }),
    viewerWrite: await token(acme.members.viewer.scope, 'write', { grantBilling: true, grantAi: true }),
    globex: await token(globex.scope, 'write', { grantBilling: true }),
    initech: await token(initech.scope, 'write', { grantBilling: true, grantAi: true }),
  }
  const weather = await createApi(acme.scope, { name: 'Weather', slug: 'weather' })
  await createVersion(acme.scope, { apiId: weather.id, version: 'v1', upstreamUrl, openapi: PETS })
  const plan = await createPlan(acme.scope, { apiId: weather.id, name: 'Free', approval: 'AUTO' })
  const geo = await seedApi(acme.id, 'geo')
  const subscription = await subscribe(globex.scope, { apiId: geo.id, planId: geo.plans.Manual })
  const key = (await createKey(acme.scope, { name: 'service' })).key
  const provider = await createProvider(acme.scope, {
    name: 'Main provider',
    kind: 'OPENAI',
    baseUrl: upstreamUrl,
    apiKey: PROVIDER_SECRET,
  })
  const model = await createModel(acme.scope, {
    providerId: provider.id,
    name: 'house-gpt',
    providerModel: 'gpt-4o-mini',
    inputPrice: '0.15',
    outputPrice: '0.60',
    contextWindow: '128000',
    maxOutputTokens: '16000',
  })
  const incident = await db.paymentIncident.create({
    data: {
      id: createId('inc'),
      consumerTeamId: globex.id,
      ownerTeamId: acme.id,
      apiId: geo.id,
      cause: 'insufficient_balance',
      state: 'OPEN',
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
      blockedCalls: 1,
      blockedRevenueMicros: 1000n,
    },
  })
  const ids: Record<string, string> = {
    api: 'weather',
    version: 'v1',
    plan: plan.id,
    key: key.id,
    subscription: subscription.id,
    incident: incident.id,
    provider: provider.id,
    model: model.id,
    month: new Date().toISOString().slice(0, 7),
  }
  return { acme, globex, initech, tokens, ids, geo }
}

export type Call = { method: string; path: string; handler: ManagementRouteHandler; params: Record<string, string> }

/** A route of the list with its path parameters filled in for `team` and the world's resources. */
export function callFor(entry: ManagementRouteEntry, team: string, ids: Record<string, string>): Call {
  const params: Record<string, string> = {}
  const path = entry.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    params[name] = name === 'team' ? team : ids[name]
    return encodeURIComponent(params[name])
  })
  return { method: entry.method, path, handler: entry.handler, params }
}

export const allCalls = (team: string, ids: Record<string, string>) =>
  MANAGEMENT_ROUTES.map((entry) => callFor(entry, team, ids))

export function routeCall(method: string, template: string, team: string, ids: Record<string, string> = {}): Call {
  const entry = MANAGEMENT_ROUTES.find((r) => r.method === method && r.path === `/api/v1${template}`)
  if (!entry) throw new Error(`no route ${method} ${template}`)
  return callFor(entry, team, ids)
}

export async function send(
  { method, path, handler, params }: Call,
  token: string | null,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  }
  if (method === 'GET' || body === undefined) {
    // GET has no body.
  } else if (body instanceof FormData) init.body = body
  else {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { 'content-type': 'application/json', ...init.headers }
  }
  const request = new Request(`http://tollgate.test${path}`, init)
  return handler(request, { params: Promise.resolve(params as never) })
}

export async function problemOf(response: Response): Promise<{ status: number; code: string; contentType: string }> {
  const contentType = response.headers.get('content-type') ?? ''
  const body = (await response.json()) as { status: number; code: string }
  return { status: body.status, code: body.code, contentType }
}

/**
 * The test file's database, upstream and world, set up before its tests and torn down after.
 * Read `world` and `upstreamUrl` inside tests (they exist once beforeAll has run).
 */
export function setupManagementWorld(): { readonly world: World; readonly upstreamUrl: string } {
  let cleanup: (() => Promise<void>) | undefined
  let upstream: Awaited<ReturnType<typeof startTestUpstream>> | undefined
  let world: World | undefined
  beforeAll(async () => {
    cleanup = (await setupTestDatabase()).cleanup
    upstream = await startTestUpstream()
    world = await seedManagementWorld(upstream.url)
  })
  afterAll(async () => {
    await upstream?.close()
    await cleanup?.()
  })
  return {
    get world() {
      return world!
    },
    get upstreamUrl() {
      return upstream!.url
    },
  }
}
