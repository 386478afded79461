import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { petstoreV2Breaking } from '@/lib/openapi/fixtures/petstore'
import { PETS, problemOf, routeCall, send, setupManagementWorld } from './testing/management-fixture'

// Versions, the lifecycle and subscription decisions through /api/v1: the console's own checks
// (valid contract, live upstream, a plan, breaking changes and their override) answer here too.

const setup = setupManagementWorld()

const call = (method: string, template: string, ids: Record<string, string> = {}) =>
  routeCall(method, template, setup.world.acme.slug, { ...setup.world.ids, ...ids })

type Version = { id: string; version: string; state: string; openapi?: string }

describe('versions', () => {
  test('a JSON body creates a draft (201); the version reads back with its contract', async () => {
    const created = await send(call('POST', '/teams/{team}/apis/{api}/versions'), setup.world.tokens.write, {
      body: { version: 'v2', upstreamUrl: setup.upstreamUrl, openapi: PETS },
    })
    expect(created.status).toBe(201)
    const version = (await created.json()) as Version
    expect([version.version, version.state, version.openapi]).toEqual(['v2', 'DRAFT', undefined])
    const read = await send(
      call('GET', '/teams/{team}/apis/{api}/versions/{version}', { version: 'v2' }),
      setup.world.tokens.read,
    )
    expect(((await read.json()) as Version).openapi).toBe(PETS)
  })

  test('a multipart upload of the contract file works too', async () => {
    const form = new FormData()
    form.set('version', 'v3')
    form.set('upstreamUrl', setup.upstreamUrl)
    form.set('openapi', new Blob([PETS], { type: 'application/json' }), 'petstore.json')
    const created = await send(call('POST', '/teams/{team}/apis/{api}/versions'), setup.world.tokens.write, {
      body: form,
    })
    expect(created.status).toBe(201)
    expect(((await created.json()) as Version).version).toBe('v3')
    const listed = await send(call('GET', '/teams/{team}/apis/{api}/versions'), setup.world.tokens.read)
    expect(((await listed.json()) as { items: Version[] }).items.map((v) => v.version).sort()).toEqual([
      'v1',
      'v2',
      'v3',
    ])
  })

  test('an invalid contract or a taken label is 422 with the console’s words', async () => {
    const bad = await send(call('POST', '/teams/{team}/apis/{api}/versions'), setup.world.tokens.write, {
      body: { version: 'v9', upstreamUrl: setup.upstreamUrl, openapi: '{"swagger":"2.0"}' },
    })
    expect((await problemOf(bad)).status).toBe(422)
    const taken = await send(call('POST', '/teams/{team}/apis/{api}/versions'), setup.world.tokens.write, {
      body: { version: 'v1', upstreamUrl: setup.upstreamUrl, openapi: PETS },
    })
    expect((await problemOf(taken)).status).toBe(422)
    expect(await db.apiVersion.count({ where: { teamId: setup.world.acme.id, version: 'v9' } })).toBe(0)
  })
})

describe('lifecycle', () => {
  test('publish runs the console’s checks; a breaking minor needs the override and its reason', async () => {
    const published = await send(
      call('POST', '/teams/{team}/apis/{api}/versions/{version}/publish'),
      setup.world.tokens.write,
    )
    expect([published.status, ((await published.json()) as Version).state]).toEqual([200, 'PUBLISHED'])
    await send(call('POST', '/teams/{team}/apis/{api}/versions'), setup.world.tokens.write, {
      body: { version: 'v1.1', upstreamUrl: setup.upstreamUrl, openapi: JSON.stringify(petstoreV2Breaking()) },
    })
    const publish = call('POST', '/teams/{team}/apis/{api}/versions/{version}/publish', { version: 'v1.1' })
    const refused = await problemOf(await send(publish, setup.world.tokens.write))
    expect([refused.status, refused.contentType]).toEqual([422, 'application/problem+json'])
    const noReason = await send(publish, setup.world.tokens.write, { body: { override: true } })
    expect((await problemOf(noReason)).status).toBe(422)
    const overridden = await send(publish, setup.world.tokens.write, {
      body: { override: true, overrideReason: 'Clients were told in advance' },
    })
    expect(((await overridden.json()) as Version).state).toBe('PUBLISHED')
  })

  test('deprecate needs the minimum notice; retiring early needs the owner’s right and a reason', async () => {
    const deprecate = call('POST', '/teams/{team}/apis/{api}/versions/{version}/deprecate')
    const tooSoon = await send(deprecate, setup.world.tokens.write, { body: { sunsetAt: new Date().toISOString() } })
    expect((await problemOf(tooSoon)).status).toBe(422)
    const sunset = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10)
    const deprecated = await send(deprecate, setup.world.tokens.write, { body: { sunsetAt: sunset } })
    expect(((await deprecated.json()) as Version).state).toBe('DEPRECATED')
    const retire = call('POST', '/teams/{team}/apis/{api}/versions/{version}/retire')
    expect((await problemOf(await send(retire, setup.world.tokens.write))).status).toBe(422)
    const retired = await send(retire, setup.world.tokens.write, { body: { reason: 'Moved everyone to v1.1' } })
    expect(((await retired.json()) as Version).state).toBe('RETIRED')
  })
})

describe('subscriptions', () => {
  test('the owner approves then suspends a request; the consumer sees it and may cancel', async () => {
    const approve = call('POST', '/teams/{team}/subscriptions/{subscription}/approve')
    expect(((await (await send(approve, setup.world.tokens.write)).json()) as { state: string }).state).toBe('ACTIVE')
    expect((await problemOf(await send(approve, setup.world.tokens.write))).status).toBe(409)
    const suspend = call('POST', '/teams/{team}/subscriptions/{subscription}/suspend')
    const suspended = await send(suspend, setup.world.tokens.write, { body: { reason: 'Unpaid invoices' } })
    expect(((await suspended.json()) as { state: string }).state).toBe('SUSPENDED')
    const incoming = routeCall('GET', '/teams/{team}/subscriptions', setup.world.acme.slug)
    const listed = await send(
      { ...incoming, path: `${incoming.path}?side=incoming&state=SUSPENDED` },
      setup.world.tokens.read,
    )
    expect(((await listed.json()) as { items: Array<{ id: string }> }).items.map((s) => s.id)).toEqual([
      setup.world.ids.subscription,
    ])
    const outgoing = routeCall('GET', '/teams/{team}/subscriptions', setup.world.globex.slug)
    const theirs = await send(outgoing, setup.world.tokens.globex)
    expect(((await theirs.json()) as { items: Array<{ state: string }> }).items.map((s) => s.state)).toEqual([
      'SUSPENDED',
    ])
  })

  test('incidents resolve with a reason, from the owner’s side too', async () => {
    const list = routeCall('GET', '/teams/{team}/incidents', setup.world.acme.slug)
    const open = await send({ ...list, path: `${list.path}?view=owner&state=OPEN` }, setup.world.tokens.read)
    expect(((await open.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([
      setup.world.ids.incident,
    ])
    const resolve = call('POST', '/teams/{team}/incidents/{incident}/resolve')
    expect((await send(resolve, setup.world.tokens.write, { body: { reason: 'Waived for the launch' } })).status).toBe(
      200,
    )
    expect((await db.paymentIncident.findUniqueOrThrow({ where: { id: setup.world.ids.incident } })).state).toBe(
      'RESOLVED',
    )
  })

  test('billing reads need the billing grant', async () => {
    const account = routeCall('GET', '/teams/{team}/billing/account', setup.world.acme.slug)
    const answer = await send(account, setup.world.tokens.read)
    expect(answer.status).toBe(200)
    expect(typeof ((await answer.json()) as { balanceMicros: unknown }).balanceMicros).toBe('string')
    const noBilling = (await createManagementToken(setup.world.acme.scope, { name: 'no billing', access: 'write' }))
      .value
    expect((await problemOf(await send(account, noBilling))).status).toBe(403)
  })
})
