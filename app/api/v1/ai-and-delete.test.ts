import { describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { decryptSecret } from '@/lib/crypto/secret-box'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { PETS, PROVIDER_SECRET, problemOf, routeCall, send, setupManagementWorld } from './testing/management-fixture'

// AI providers and models as /api/v1 resources, through the console's functions and schemas: the
// key is sealed at rest and never answered, writes need the `ai` grant, edits take If-Match, and a
// provider or model in use is refused. And DELETE .../apis/{api}, refused while anyone is on it.

const setup = setupManagementWorld()
const slug = () => setup.world.acme.slug
const write = () => setup.world.tokens.write
const providers = () => routeCall('POST', '/teams/{team}/ai/providers', slug())
const provider = (method: string, id: string) =>
  routeCall(method, '/teams/{team}/ai/providers/{provider}', slug(), { provider: id })
const models = () => routeCall('POST', '/teams/{team}/ai/models', slug())
const model = (method: string, id: string) =>
  routeCall(method, '/teams/{team}/ai/models/{model}', slug(), { model: id })

describe('AI providers', () => {
  test('create answers 201 with a key hint; the key is encrypted at rest and no answer holds it', async () => {
    const secret = 'sk-created-through-the-api-9876'
    const created = await send(providers(), write(), {
      body: { name: 'Backup', kind: 'OPENAI_COMPATIBLE', baseUrl: setup.upstreamUrl, apiKey: secret },
    })
    expect(created.status).toBe(201)
    const text = await created.text()
    const body = JSON.parse(text) as { id: string; keyHint: string; name: string }
    expect(body).toMatchObject({ name: 'Backup', keyHint: 'sk-…9876', headerNames: [] })
    expect(body.id).toMatch(/^aip_/)
    expect(text).not.toContain(secret)
    const row = await db.aiProvider.findFirstOrThrow({ where: { id: body.id, teamId: setup.world.acme.id } })
    expect(row.apiKeyEnc).not.toContain(secret)
    expect(decryptSecret(row.apiKeyEnc!)).toBe(secret)
    for (const answer of [
      await send(routeCall('GET', '/teams/{team}/ai/providers', slug()), write()),
      await send(provider('GET', body.id), write()),
      await send(provider('GET', setup.world.ids.provider), write()),
    ]) {
      const answered = await answer.text()
      expect(answer.status).toBe(200)
      expect(answered).not.toContain(secret)
      expect(answered).not.toContain(PROVIDER_SECRET)
    }
  })

  test('PATCH takes If-Match; a new key replaces the stored one, clearApiKey removes it', async () => {
    const id = setup.world.ids.provider
    const etag = (await send(provider('GET', id), write())).headers.get('etag')!
    const stale = await send(provider('PATCH', id), write(), {
      body: { name: 'Renamed' },
      headers: { 'if-match': '"0"' },
    })
    expect(await problemOf(stale)).toMatchObject({ status: 412, code: 'precondition_failed' })
    const rekeyed = await send(provider('PATCH', id), write(), {
      body: { apiKey: 'sk-rotated-key-5555', headers: { 'X-Org': 'acme' } },
      headers: { 'if-match': etag },
    })
    expect(rekeyed.status).toBe(200)
    expect(await rekeyed.json()).toMatchObject({ keyHint: 'sk-…5555', headerNames: ['X-Org'], name: 'Main provider' })
    const cleared = await send(provider('PATCH', id), write(), { body: { clearApiKey: true } })
    expect(await cleared.json()).toMatchObject({ keyHint: null })
    expect((await db.aiProvider.findUniqueOrThrow({ where: { id } })).apiKeyEnc).toBeNull()
  })

  test.each([
    ['an unknown kind', { name: 'Odd', kind: 'SOAP', baseUrl: 'http://127.0.0.1:1' }],
    ['a non-http base URL', { name: 'Ftp', kind: 'OPENAI', baseUrl: 'ftp://example.com' }],
    [
      'a header line that is not a header',
      { name: 'Hdr', kind: 'OPENAI', baseUrl: 'http://127.0.0.1:1', headers: 'nope' },
    ],
    ['a taken name', { name: 'Main provider', kind: 'OPENAI', baseUrl: 'http://127.0.0.1:1' }],
  ])('a body with %s is 422 problem+json and adds nothing', async (_label, body) => {
    const before = await db.aiProvider.count()
    const answer = await problemOf(await send(providers(), write(), { body }))
    expect([answer.status, answer.contentType]).toEqual([422, 'application/problem+json'])
    expect(await db.aiProvider.count()).toBe(before)
  })

  test('writes need the ai grant; reading does not', async () => {
    const plain = (await createManagementToken(setup.world.acme.scope, { name: 'no ai', access: 'write' })).value
    const body = { name: 'Sneaky', kind: 'OPENAI', baseUrl: setup.upstreamUrl }
    expect(await problemOf(await send(providers(), plain, { body }))).toMatchObject({ status: 403, code: 'forbidden' })
    expect((await send(model('DELETE', setup.world.ids.model), plain)).status).toBe(403)
    expect((await send(routeCall('GET', '/teams/{team}/ai/models', slug()), plain)).status).toBe(200)
  })
})

describe('AI models', () => {
  test('create, edit with If-Match, then delete: a provider with models is refused until they are gone', async () => {
    const created = await send(models(), write(), {
      body: {
        providerId: setup.world.ids.provider,
        name: 'house-embed',
        providerModel: 'text-embedding-3-small',
        kind: 'EMBEDDING',
        inputPrice: '0.02',
        outputPrice: '0',
        contextWindow: 8191,
        maxOutputTokens: 1,
      },
    })
    expect(created.status).toBe(201)
    const body = (await created.json()) as { id: string; inputMicrosPerM: string; providerName: string }
    expect(body).toMatchObject({ kind: 'EMBEDDING', inputMicrosPerM: '20000', providerName: 'Main provider' })
    const get = await send(model('GET', body.id), write())
    const edited = await send(model('PATCH', body.id), write(), {
      body: { inputPrice: '0.05' },
      headers: { 'if-match': get.headers.get('etag')! },
    })
    expect(await edited.json()).toMatchObject({ inputMicrosPerM: '50000' })
    expect(await problemOf(await send(provider('DELETE', setup.world.ids.provider), write()))).toMatchObject({
      status: 409,
      code: 'provider_in_use',
    })
    for (const id of [body.id, setup.world.ids.model])
      expect((await send(model('DELETE', id), write())).status).toBe(204)
    expect((await send(provider('DELETE', setup.world.ids.provider), write())).status).toBe(204)
    expect((await problemOf(await send(provider('GET', setup.world.ids.provider), write()))).status).toBe(404)
    expect((await problemOf(await send(model('GET', body.id), write()))).status).toBe(404)
  })

  test.each([
    ['another team’s provider', { providerId: 'aip_unknown' }],
    ['an output above the context window', { contextWindow: 100, maxOutputTokens: 200 }],
    ['a model name with spaces', { name: 'not a name' }],
  ])('a model with %s is 422 problem+json', async (_label, override) => {
    const body = {
      providerId: setup.world.ids.provider,
      name: 'bad-model',
      providerModel: 'gpt',
      inputPrice: '1',
      outputPrice: '1',
      contextWindow: 1000,
      maxOutputTokens: 100,
      ...override,
    }
    const answer = await problemOf(await send(models(), write(), { body }))
    expect([answer.status, answer.contentType]).toEqual([422, 'application/problem+json'])
  })
})

describe('DELETE apis/{api}', () => {
  const remove = (api: string) => routeCall('DELETE', '/teams/{team}/apis/{api}', slug(), { api })

  test('an API with drafts only goes, with its versions and plans; the gateway is told', async () => {
    const api = await createApi(setup.world.acme.scope, { name: 'Scratch', slug: 'scratch' })
    await createVersion(setup.world.acme.scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: setup.upstreamUrl,
      openapi: PETS,
    })
    const before = (await db.configVersion.findUnique({ where: { id: 1 } }))?.version ?? 0
    const answer = await send(remove('scratch'), write())
    expect(answer.status).toBe(204)
    expect(await db.api.count({ where: { id: api.id } })).toBe(0)
    expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
    expect((await db.configVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBeGreaterThan(before)
    expect((await problemOf(await send(remove('scratch'), write()))).status).toBe(404)
  })

  test('a serving version, then a live subscription, refuse it with 409 and leave everything in place', async () => {
    const { geo } = setup.world
    const version = await db.apiVersion.create({
      data: {
        id: createId('ver'),
        teamId: setup.world.acme.id,
        apiId: geo.id,
        version: 'v1',
        major: 1,
        state: 'DEPRECATED',
        upstreamUrl: setup.upstreamUrl,
        openapi: PETS,
      },
    })
    expect(await problemOf(await send(remove('geo'), write()))).toMatchObject({
      status: 409,
      code: 'api_has_live_versions',
      contentType: 'application/problem+json',
    })
    await db.apiVersion.update({ where: { id: version.id }, data: { state: 'RETIRED' } })
    // globex's request for the MANUAL plan is still pending.
    expect(await problemOf(await send(remove('geo'), write()))).toMatchObject({
      status: 409,
      code: 'api_has_live_subscriptions',
    })
    expect(await db.api.count({ where: { id: geo.id } })).toBe(1)
    expect(await db.apiVersion.count({ where: { apiId: geo.id } })).toBe(1)
    await db.subscription.updateMany({ where: { apiId: geo.id }, data: { state: 'CANCELLED' } })
    expect((await send(remove('geo'), write())).status).toBe(204)
    expect(await db.subscription.count({ where: { apiId: geo.id } })).toBe(0)
  })
})
