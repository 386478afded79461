import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { db } from '@/lib/db'
import { createKey } from '@/lib/keys/create-key'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import * as apiRoute from './teams/[team]/apis/[api]/route'
import * as apisRoute from './teams/[team]/apis/route'
import * as revokeRoute from './teams/[team]/keys/[key]/revoke/route'
import * as rotateRoute from './teams/[team]/keys/[key]/rotate/route'
import * as keysRoute from './teams/[team]/keys/route'

// The management API through its real route handlers and a real database: each call is a real
// Request, each answer a real Response, exactly what Next hands the handler and sends back.

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>
type Call = { method: string; path: string; handler: Handler; params: Record<string, string>; body?: unknown }

let cleanup: () => Promise<void>
let acme: TestTeam
let globex: TestTeam
const tokens = { write: '', read: '', viewerWrite: '', other: '' }
let apiSlug: string
let keyId: string

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  acme = await createTestTeam({ label: 'acme', members: { owner: 'OWNER', viewer: 'VIEWER' } })
  globex = await createTestTeam({ label: 'globex' })
  const token = async (team: TestTeam['scope'], access: 'read' | 'write') =>
    (await createManagementToken(team, { name: `${access} token`, access })).value
  tokens.write = await token(acme.scope, 'write')
  tokens.read = await token(acme.scope, 'read')
  tokens.viewerWrite = await token(acme.members.viewer.scope, 'write')
  tokens.other = await token(globex.scope, 'write')
  apiSlug = (await createApi(acme.scope, { name: 'Weather', slug: 'weather' })).slug
  keyId = (await createKey(acme.scope, { name: 'service' })).key.id
})
afterAll(async () => cleanup?.())

async function send(
  { method, path, handler, params, body }: Call,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
  }
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body)
  return handler(new Request(`http://tollgate.test/api/v1${path}`, init), { params: Promise.resolve(params as never) })
}

/** The routes below, in their order (test titles are built before the fixtures exist). */
const ROUTE_NAMES = [
  'GET apis',
  'POST apis',
  'GET apis/{api}',
  'PATCH apis/{api}',
  'GET keys',
  'POST keys',
  'POST keys/{key}/rotate',
  'POST keys/{key}/revoke',
]

/** Every route, for one team slug; writes carry a body that would succeed for the right caller. */
function routes(team: string): Call[] {
  const t = { team }
  return [
    { method: 'GET', path: `/teams/${team}/apis`, handler: apisRoute.GET, params: t },
    {
      method: 'POST',
      path: `/teams/${team}/apis`,
      handler: apisRoute.POST,
      params: t,
      body: { name: 'Maps', slug: 'maps' },
    },
    { method: 'GET', path: `/teams/${team}/apis/${apiSlug}`, handler: apiRoute.GET, params: { team, api: apiSlug } },
    {
      method: 'PATCH',
      path: `/teams/${team}/apis/${apiSlug}`,
      handler: apiRoute.PATCH,
      params: { team, api: apiSlug },
      body: { name: 'Weather 2' },
    },
    { method: 'GET', path: `/teams/${team}/keys`, handler: keysRoute.GET, params: t },
    { method: 'POST', path: `/teams/${team}/keys`, handler: keysRoute.POST, params: t, body: { name: 'ci' } },
    {
      method: 'POST',
      path: `/teams/${team}/keys/${keyId}/rotate`,
      handler: rotateRoute.POST,
      params: { team, key: keyId },
      body: { graceSeconds: 0 },
    },
    {
      method: 'POST',
      path: `/teams/${team}/keys/${keyId}/revoke`,
      handler: revokeRoute.POST,
      params: { team, key: keyId },
    },
  ]
}

const writes = (team: string) => routes(team).filter((r) => r.method !== 'GET')

async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const problem = (await response.json()) as { status: number; code: string }
  expect(problem.status).toBe(status)
  if (code) expect(problem.code).toBe(code)
  return problem
}

describe('who may call', () => {
  test.each(ROUTE_NAMES.map((name, index) => [name, index]))(
    'another team’s token gets 404 on %s',
    async (_name, index) => {
      await expectProblem(await send(routes(acme.slug)[index], tokens.other), 404, 'not_found')
    },
  )

  test('another team’s token under its own team slug cannot reach acme’s API or key either', async () => {
    for (const route of routes(globex.slug).filter((r) => r.params.api || r.params.key)) {
      const response = await send(route, tokens.other)
      expect(response.status, `${route.method} ${route.path}`).toBe(404)
    }
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).revokedAt).toBeNull()
  })

  test('read-scoped and viewer-created write tokens are refused every write (403), and nothing changes', async () => {
    const before = { apis: await db.api.count(), keys: await db.apiKey.count() }
    for (const token of [tokens.read, tokens.viewerWrite]) {
      for (const route of writes(acme.slug)) {
        await expectProblem(await send(route, token), 403, 'forbidden')
      }
    }
    expect({ apis: await db.api.count(), keys: await db.apiKey.count() }).toEqual(before)
    expect((await db.api.findFirstOrThrow({ where: { teamId: acme.id, slug: apiSlug } })).name).toBe('Weather')
  })

  test('read tokens can read; no token or a bad one is 401', async () => {
    for (const route of routes(acme.slug).filter((r) => r.method === 'GET')) {
      expect((await send(route, tokens.read)).status, route.path).toBe(200)
      await expectProblem(await send(route, null), 401)
      await expectProblem(await send(route, 'tgm_00000000000000000000000000000000'), 401)
    }
  })
})

describe('resources', () => {
  test('create answers 201 with the resource and its id; a created key’s value is shown once', async () => {
    const created = await send(
      { ...routes(acme.slug)[1], body: { name: 'Payments', slug: 'payments', tags: ['money'] } },
      tokens.write,
    )
    expect(created.status).toBe(201)
    const api = (await created.json()) as { id: string; slug: string; tags: string[]; state: string }
    expect(api).toMatchObject({ slug: 'payments', tags: ['money'], state: 'DRAFT' })
    expect(api.id).toMatch(/^api_/)
    const key = await send({ ...routes(acme.slug)[5], body: { name: 'deploy' } }, tokens.write)
    expect(key.status).toBe(201)
    const body = (await key.json()) as { id: string; value: string }
    expect(body.value).toMatch(/^tg_live_/)
    const listed = await (await send(routes(acme.slug)[4], tokens.write)).text()
    expect(listed).toContain(body.id)
    expect(listed).not.toContain(body.value)
  })

  test('lists page with cursors and a next link, and take the console’s filters', async () => {
    const team = await createTestTeam({ label: 'pager' })
    const token = (await createManagementToken(team.scope, { name: 'pager', access: 'read' })).value
    for (const name of ['alpha', 'beta', 'gamma', 'delta', 'epsilon'])
      await createApi(team.scope, { name: `API ${name}`, slug: name })
    const first: Call = { ...routes(team.slug)[0], path: `/teams/${team.slug}/apis?limit=2` }
    const seen: string[] = []
    let call: Call | null = first
    while (call) {
      const page = (await (await send(call, token)).json()) as { items: Array<{ slug: string }>; next: string | null }
      seen.push(...page.items.map((i) => i.slug))
      call = page.next ? { ...first, path: page.next.replace('/api/v1', '') } : null
    }
    expect(seen).toEqual(['epsilon', 'delta', 'gamma', 'beta', 'alpha'])
    const searched = await send({ ...first, path: `/teams/${team.slug}/apis?q=gamma` }, token)
    expect(((await searched.json()) as { items: Array<{ slug: string }> }).items.map((i) => i.slug)).toEqual(['gamma'])
  })
})

describe('conventions', () => {
  test('Idempotency-Key: a replay returns the first answer and creates nothing more', async () => {
    const route = { ...routes(acme.slug)[1], body: { name: 'Geo', slug: 'geo' } }
    const headers = { 'idempotency-key': 'create-geo-1' }
    const first = await send(route, tokens.write, headers)
    const again = await send(route, tokens.write, headers)
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const [a, b] = (await Promise.all([first.json(), again.json()])) as Array<{ id: string }>
    expect(b.id).toBe(a.id)
    expect(await db.api.count({ where: { teamId: acme.id, slug: 'geo' } })).toBe(1)
    const reused = await send({ ...route, body: { name: 'Other', slug: 'other' } }, tokens.write, headers)
    await expectProblem(reused, 422, 'idempotency_key_reused')
    expect(await db.api.count({ where: { teamId: acme.id, slug: 'other' } })).toBe(0)
  })

  test('Idempotency-Key also replays a refusal, and is scoped to its token', async () => {
    const route = { ...routes(acme.slug)[1], body: { name: 'Weather again', slug: apiSlug } }
    const headers = { 'idempotency-key': 'dup-slug' }
    await expectProblem(await send(route, tokens.write, headers), 422, 'slug_taken')
    await expectProblem(await send(route, tokens.write, headers), 422, 'slug_taken')
    const globexRoute = { ...routes(globex.slug)[1], body: { name: 'Weather', slug: 'weather' } }
    expect((await send(globexRoute, tokens.other, headers)).status).toBe(201)
  })

  test('If-Match: a stale ETag is 412 and changes nothing; the current one updates', async () => {
    const get = routes(acme.slug)[2]
    const patch = routes(acme.slug)[3]
    const etag = (await send(get, tokens.write)).headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const updated = await send({ ...patch, body: { description: 'Forecasts' } }, tokens.write, { 'if-match': etag })
    expect(updated.status).toBe(200)
    expect(updated.headers.get('etag')).not.toBe(etag)
    const stale = await send({ ...patch, body: { name: 'Clobbered' } }, tokens.write, { 'if-match': etag })
    await expectProblem(stale, 412, 'precondition_failed')
    expect((await db.api.findFirstOrThrow({ where: { teamId: acme.id, slug: apiSlug } })).name).not.toBe('Clobbered')
  })

  test.each([
    ['not JSON', '{"name":', 400],
    ['an array', '[1,2]', 422],
    ['a missing name', { slug: 'nameless' }, 422],
    ['a bad slug', { name: 'Bad', slug: 'Not A Slug!' }, 422],
    ['a wrong type', { name: 42, slug: 'typed' }, 422],
    ['an unknown kind', { name: 'Kind', slug: 'kind', kind: 'SOAP' }, 422],
    ['control characters', { name: 'Bad\u0000name', slug: 'ctrl' }, 422],
  ])('a body with %s is problem+json %s, never a 500', async (_label, body, status) => {
    await expectProblem(await send({ ...routes(acme.slug)[1], body }, tokens.write), status)
  })

  test('a body over the limit is 413 problem+json', async () => {
    const body = { name: 'Big', slug: 'big', description: 'x'.repeat(1024 * 1024 + 1) }
    await expectProblem(await send({ ...routes(acme.slug)[1], body }, tokens.write), 413, 'payload_too_large')
  })

  test('calls are rate-limited per token with 429 and Retry-After', async () => {
    const limited = (await createManagementToken(acme.scope, { name: 'limited', access: 'read' })).value
    process.env.TOLLGATE_MANAGEMENT_RATE_LIMIT = '3'
    try {
      const list = routes(acme.slug)[0]
      const statuses = []
      for (let i = 0; i < 4; i++) statuses.push((await send(list, limited)).status)
      expect(statuses).toEqual([200, 200, 200, 429])
      const refused = await send(list, limited)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      await expectProblem(refused, 429, 'rate_limited')
      expect((await send(list, tokens.read)).status).toBe(200)
    } finally {
      delete process.env.TOLLGATE_MANAGEMENT_RATE_LIMIT
    }
  })

  test('rotate then revoke through the API: the console’s rules apply (a rotated key cannot rotate again)', async () => {
    const { key } = await createKey(acme.scope, { name: 'to rotate' })
    const rotate = {
      ...routes(acme.slug)[6],
      path: `/teams/${acme.slug}/keys/${key.id}/rotate`,
      params: { team: acme.slug, key: key.id },
    }
    const rotated = await send({ ...rotate, body: { graceSeconds: 3600 } }, tokens.write)
    expect(rotated.status).toBe(201)
    expect(((await rotated.json()) as { previous: { status: string } }).previous.status).toBe('GRACE')
    await expectProblem(await send({ ...rotate, body: { graceSeconds: 3600 } }, tokens.write), 409)
    await expectProblem(await send({ ...rotate, body: { graceSeconds: 5 } }, tokens.write), 422)
    const revoke = {
      ...routes(acme.slug)[7],
      path: `/teams/${acme.slug}/keys/${key.id}/revoke`,
      params: { team: acme.slug, key: key.id },
    }
    expect(((await (await send(revoke, tokens.write)).json()) as { status: string }).status).toBe('REVOKED')
  })
})
