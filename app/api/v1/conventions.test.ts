import { describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { db } from '@/lib/db'
import { createKey } from '@/lib/keys/create-key'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { problemOf, routeCall, send, setupManagementWorld } from './testing/management-fixture'

// The conventions every endpoint shares: 201 with the resource, cursor lists with a next link,
// Idempotency-Key replays, If-Match, problem+json for bad bodies, the per-token rate limit.

const slug = () => setup.world.acme.slug

const setup = setupManagementWorld()

const createApiCall = () => routeCall('POST', '/teams/{team}/apis', slug())

describe('resources', () => {
  test('create answers 201 with the resource and its id; a created key’s value is shown once', async () => {
    const created = await send(createApiCall(), setup.world.tokens.write, {
      body: { name: 'Payments', slug: 'payments', tags: ['money'] },
    })
    expect(created.status).toBe(201)
    const api = (await created.json()) as { id: string; slug: string; tags: string[]; state: string }
    expect(api).toMatchObject({ slug: 'payments', tags: ['money'], state: 'DRAFT' })
    expect(api.id).toMatch(/^api_/)
    const key = await send(routeCall('POST', '/teams/{team}/keys', slug()), setup.world.tokens.write, {
      body: { name: 'deploy' },
    })
    expect(key.status).toBe(201)
    const body = (await key.json()) as { id: string; value: string }
    expect(body.value).toMatch(/^tg_live_/)
    const listed = await (await send(routeCall('GET', '/teams/{team}/keys', slug()), setup.world.tokens.write)).text()
    expect(listed).toContain(body.id)
    expect(listed).not.toContain(body.value)
  })

  test('lists page with cursors and a next link, and take the console’s filters', async () => {
    const team = await createTestTeam({ label: 'pager' })
    const token = (await createManagementToken(team.scope, { name: 'pager', access: 'read' })).value
    for (const name of ['alpha', 'beta', 'gamma', 'delta', 'epsilon'])
      await createApi(team.scope, { name: `API ${name}`, slug: name })
    const list = routeCall('GET', '/teams/{team}/apis', team.slug)
    const seen: string[] = []
    let path: string | null = `${list.path}?limit=2`
    let pages = 0
    while (path) {
      const page = (await (await send({ ...list, path }, token)).json()) as {
        items: Array<{ slug: string }>
        next: string | null
      }
      seen.push(...page.items.map((i) => i.slug))
      path = page.next
      pages++
    }
    expect([seen, pages]).toEqual([['epsilon', 'delta', 'gamma', 'beta', 'alpha'], 3])
    const searched = await send({ ...list, path: `${list.path}?q=gamma` }, token)
    expect(((await searched.json()) as { items: Array<{ slug: string }> }).items.map((i) => i.slug)).toEqual(['gamma'])
  })
})

describe('Idempotency-Key', () => {
  test('a replay returns the first answer and creates nothing more; another body with it is refused', async () => {
    const headers = { 'idempotency-key': 'create-geo-1' }
    const first = await send(createApiCall(), setup.world.tokens.write, {
      body: { name: 'Maps', slug: 'maps' },
      headers,
    })
    const again = await send(createApiCall(), setup.world.tokens.write, {
      body: { name: 'Maps', slug: 'maps' },
      headers,
    })
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const [a, b] = (await Promise.all([first.json(), again.json()])) as Array<{ id: string }>
    expect(b.id).toBe(a.id)
    expect(await db.api.count({ where: { teamId: setup.world.acme.id, slug: 'maps' } })).toBe(1)
    const reused = await send(createApiCall(), setup.world.tokens.write, {
      body: { name: 'Other', slug: 'other' },
      headers,
    })
    expect(await problemOf(reused)).toMatchObject({ status: 422, code: 'idempotency_key_reused' })
    expect(await db.api.count({ where: { teamId: setup.world.acme.id, slug: 'other' } })).toBe(0)
  })

  test('concurrent retries with one key run the change once', async () => {
    const headers = { 'idempotency-key': 'race-1' }
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        send(createApiCall(), setup.world.tokens.write, { body: { name: 'Race', slug: 'race' }, headers }),
      ),
    )
    const statuses = answers.map((r) => r.status)
    expect(statuses).toContain(201)
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    expect(await db.api.count({ where: { teamId: setup.world.acme.id, slug: 'race' } })).toBe(1)
  })

  test('a refusal is replayed too, and keys are scoped to their token', async () => {
    const headers = { 'idempotency-key': 'dup-slug' }
    const body = { name: 'Weather again', slug: 'weather' }
    expect(await problemOf(await send(createApiCall(), setup.world.tokens.write, { body, headers }))).toMatchObject({
      status: 422,
      code: 'slug_taken',
    })
    const replay = await send(createApiCall(), setup.world.tokens.write, { body, headers })
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([422, 'true'])
    const globex = routeCall('POST', '/teams/{team}/apis', setup.world.globex.slug)
    expect((await send(globex, setup.world.tokens.globex, { body, headers })).status).toBe(201)
  })
})

describe('If-Match', () => {
  test('a stale ETag is 412 and changes nothing; the current one updates', async () => {
    const get = routeCall('GET', '/teams/{team}/apis/{api}', slug(), setup.world.ids)
    const patch = routeCall('PATCH', '/teams/{team}/apis/{api}', slug(), setup.world.ids)
    const etag = (await send(get, setup.world.tokens.write)).headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const updated = await send(patch, setup.world.tokens.write, {
      body: { description: 'Forecasts' },
      headers: { 'if-match': etag },
    })
    expect(updated.status).toBe(200)
    expect(updated.headers.get('etag')).not.toBe(etag)
    const stale = await send(patch, setup.world.tokens.write, {
      body: { name: 'Clobbered' },
      headers: { 'if-match': etag },
    })
    expect(await problemOf(stale)).toMatchObject({ status: 412, code: 'precondition_failed' })
    const api = await db.api.findFirstOrThrow({ where: { teamId: setup.world.acme.id, slug: 'weather' } })
    expect([api.name, api.description]).toEqual(['Weather', 'Forecasts'])
  })

  test('plans take If-Match too', async () => {
    const get = routeCall('GET', '/teams/{team}/apis/{api}/plans/{plan}', slug(), setup.world.ids)
    const patch = routeCall('PATCH', '/teams/{team}/apis/{api}/plans/{plan}', slug(), setup.world.ids)
    const stale = await send(patch, setup.world.tokens.write, {
      body: { name: 'Gold' },
      headers: { 'if-match': '"0"' },
    })
    expect((await problemOf(stale)).status).toBe(412)
    const etag = (await send(get, setup.world.tokens.write)).headers.get('etag')!
    const updated = await send(patch, setup.world.tokens.write, {
      body: { name: 'Gold' },
      headers: { 'if-match': etag },
    })
    expect(((await updated.json()) as { name: string }).name).toBe('Gold')
  })
})

describe('bad input', () => {
  test.each([
    ['not JSON', '{"name":', 400],
    ['an array', '[1,2]', 422],
    ['a missing name', { slug: 'nameless' }, 422],
    ['a bad slug', { name: 'Bad', slug: 'Not A Slug!' }, 422],
    ['a wrong type', { name: 42, slug: 'typed' }, 422],
    ['an unknown kind', { name: 'Kind', slug: 'kind', kind: 'SOAP' }, 422],
    ['control characters', { name: 'Bad\u0000name', slug: 'ctrl' }, 422],
  ])('a body with %s is problem+json %s, never a 500', async (_label, body, status) => {
    const before = await db.api.count()
    const answer = await problemOf(await send(createApiCall(), setup.world.tokens.write, { body }))
    expect([answer.status, answer.contentType]).toEqual([status, 'application/problem+json'])
    expect(await db.api.count()).toBe(before)
  })

  test.each([
    ['PATCH apis/{api}', 'PATCH', '/teams/{team}/apis/{api}', { tags: 'Not A Tag!' }],
    ['POST versions', 'POST', '/teams/{team}/apis/{api}/versions', { version: 'one', upstreamUrl: 'ftp://x' }],
    ['POST plans', 'POST', '/teams/{team}/apis/{api}/plans', { name: '' }],
    ['POST keys', 'POST', '/teams/{team}/keys', { name: 'k', expiresAt: 'yesterday' }],
    ['POST subscriptions', 'POST', '/teams/{team}/subscriptions', { apiId: 42 }],
    ['POST deprecate', 'POST', '/teams/{team}/apis/{api}/versions/{version}/deprecate', { sunsetAt: 'soon' }],
    ['POST resolve', 'POST', '/teams/{team}/incidents/{incident}/resolve', { reason: '' }],
  ])('%s with a bad body is 422 problem+json', async (_label, method, template, body) => {
    const answer = await problemOf(
      await send(routeCall(method, template, slug(), setup.world.ids), setup.world.tokens.write, { body }),
    )
    expect([answer.status, answer.contentType]).toEqual([422, 'application/problem+json'])
  })

  test('a body over the limit is 413 problem+json', async () => {
    const body = { name: 'Big', slug: 'big', description: 'x'.repeat(1024 * 1024 + 1) }
    expect(await problemOf(await send(createApiCall(), setup.world.tokens.write, { body }))).toMatchObject({
      status: 413,
      code: 'payload_too_large',
    })
  })
})

test('calls are rate-limited per token with 429 and Retry-After', async () => {
  const limited = (await createManagementToken(setup.world.acme.scope, { name: 'limited', access: 'read' })).value
  process.env.TOLLGATE_MANAGEMENT_RATE_LIMIT = '3'
  try {
    const list = routeCall('GET', '/teams/{team}/apis', slug())
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await send(list, limited)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const refused = await send(list, limited)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await problemOf(refused)).toMatchObject({ status: 429, code: 'rate_limited' })
    expect((await send(list, setup.world.tokens.read)).status).toBe(200)
  } finally {
    delete process.env.TOLLGATE_MANAGEMENT_RATE_LIMIT
  }
})

test('rotate then revoke: the console’s rules apply (a rotated key cannot rotate again)', async () => {
  const { key } = await createKey(setup.world.acme.scope, { name: 'to rotate' })
  const ids = { key: key.id }
  const rotate = routeCall('POST', '/teams/{team}/keys/{key}/rotate', slug(), ids)
  const rotated = await send(rotate, setup.world.tokens.write, { body: { graceSeconds: 3600 } })
  expect(rotated.status).toBe(201)
  expect(((await rotated.json()) as { previous: { status: string } }).previous.status).toBe('GRACE')
  expect((await problemOf(await send(rotate, setup.world.tokens.write, { body: { graceSeconds: 3600 } }))).status).toBe(
    409,
  )
  expect((await problemOf(await send(rotate, setup.world.tokens.write, { body: { graceSeconds: 5 } }))).status).toBe(
    422,
  )
  const revoke = routeCall('POST', '/teams/{team}/keys/{key}/revoke', slug(), ids)
  expect(((await (await send(revoke, setup.world.tokens.write)).json()) as { status: string }).status).toBe('REVOKED')
})
