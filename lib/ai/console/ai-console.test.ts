import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { decryptSecret } from '@/lib/crypto/secret-box'
import { db } from '@/lib/db'
import { outboundPolicyFromEnv } from '@/lib/net/outbound-policy'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { createModel } from './create-model'
import { createProvider } from './create-provider'
import { deleteModel } from './delete-model'
import { deleteProvider } from './delete-provider'
import { listModels } from './list-models'
import { listProviders } from './list-providers'
import { PRICE_LIST } from './price-list'
import { testProviderConnection } from './test-provider-connection'
import { updateModel } from './update-model'
import { updateProvider } from './update-provider'

// Providers and models on the AI page, against a real database and the real demo AI provider.

let cleanup: () => Promise<void>
let demo: DemoUpstream
let team: TestTeam
let other: TestTeam

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  demo = await startDemoUpstream(0)
  team = await createTestTeam({ label: 'ai' })
  other = await createTestTeam({ label: 'other' })
})
afterAll(async () => {
  await demo?.close()
  await cleanup?.()
})

const openAiProvider = (name = 'Demo OpenAI', extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'OPENAI_COMPATIBLE' as const,
  baseUrl: `${demo.url}/ai/openai/v1`,
  apiKey: 'sk-test-secret-key-1234',
  ...extra,
})

const modelInput = (providerId: string, name: string) => ({
  providerId,
  name,
  providerModel: `${name}-upstream`,
  inputPrice: '0.50',
  outputPrice: '1.50',
  contextWindow: '8000',
  maxOutputTokens: '1000',
})

describe('providers', () => {
  test('the key and headers are sealed at rest and never returned; only a hint and header names are', async () => {
    const provider = await createProvider(
      team.scope,
      openAiProvider('Sealed', { headers: 'OpenAI-Project: proj_1\nX-Extra: two' }),
    )
    expect(provider).toMatchObject({ name: 'Sealed', keyHint: 'sk-…1234', headerNames: ['OpenAI-Project', 'X-Extra'] })
    expect(JSON.stringify(provider)).not.toContain('sk-test-secret-key-1234')
    expect(JSON.stringify(provider)).not.toContain('proj_1')
    const row = await db.aiProvider.findUniqueOrThrow({ where: { id: provider.id } })
    expect(row.apiKeyEnc).not.toContain('sk-test')
    expect(decryptSecret(row.apiKeyEnc!)).toBe('sk-test-secret-key-1234')
    expect(JSON.parse(decryptSecret(row.headersEnc!))).toEqual({ 'OpenAI-Project': 'proj_1', 'X-Extra': 'two' })
    const listed = await listProviders(team.scope, { q: 'Sealed' })
    expect(listed.items.map((p) => p.id)).toEqual([provider.id])
    expect(JSON.stringify(listed)).not.toContain('secret')
  })

  test('an edit with an empty key keeps the stored key; a new one replaces it; clearApiKey removes it', async () => {
    const provider = await createProvider(team.scope, openAiProvider('Rotating'))
    await updateProvider(team.scope, { providerId: provider.id, apiKey: '', name: 'Rotating 2' })
    let row = await db.aiProvider.findUniqueOrThrow({ where: { id: provider.id } })
    expect(row.name).toBe('Rotating 2')
    expect(decryptSecret(row.apiKeyEnc!)).toBe('sk-test-secret-key-1234')
    const updated = await updateProvider(team.scope, { providerId: provider.id, apiKey: 'sk-new-key-abcd9876' })
    expect(updated.keyHint).toBe('sk-…9876')
    await updateProvider(team.scope, { providerId: provider.id, clearApiKey: 'true' })
    row = await db.aiProvider.findUniqueOrThrow({ where: { id: provider.id } })
    expect(row.apiKeyEnc).toBeNull()
    expect(row.keyHint).toBeNull()
  })

  test.each([
    ['an empty name', { name: '' }, 'name'],
    ['a kind that does not exist', { kind: 'SKYNET' }, 'kind'],
    ['a base URL that is not http(s)', { baseUrl: 'ftp://example.com' }, 'baseUrl'],
    ['a base URL with credentials', { baseUrl: 'http://user:pw@example.com/v1' }, 'baseUrl'],
    ['a malformed header line', { headers: 'no colon here' }, 'headers'],
    ['a header Tollgate sets itself', { headers: 'Content-Type: text/plain' }, 'headers'],
    ['a key with spaces', { apiKey: 'sk abc' }, 'apiKey'],
  ])('refuses %s with a field error', async (_label, override, field) => {
    const error = await rejection(() => createProvider(team.scope, openAiProvider('Bad', override)))
    expect(error.name).toBe('ZodError')
    expect(JSON.stringify(error)).toContain(field)
    expect(await db.aiProvider.count({ where: { teamId: team.id, name: 'Bad' } })).toBe(0)
  })

  test('the outbound policy refuses a metadata address at save time', async () => {
    const error = await rejection(() =>
      createProvider(team.scope, openAiProvider('Meta', { baseUrl: 'http://169.254.169.254/v1' })),
    )
    expect(error).toMatchObject({ status: 422, code: 'outbound_url_refused' })
    expect(error.fieldErrors?.baseUrl?.[0]).toMatch(/link-local|metadata/)
  })

  test('a duplicate name is a field error, not a 500', async () => {
    await createProvider(team.scope, openAiProvider('Twice'))
    const error = await rejection(() => createProvider(team.scope, openAiProvider('Twice')))
    expect(error).toMatchObject({
      status: 422,
      code: 'provider_name_taken',
      fieldErrors: { name: ['Pick another name'] },
    })
  })

  test("another team's provider reads as not found for edit, delete and test", async () => {
    const mine = await createProvider(team.scope, openAiProvider('Mine'))
    for (const attempt of [
      () => updateProvider(other.scope, { providerId: mine.id, name: 'Stolen' }),
      () => deleteProvider(other.scope, { providerId: mine.id }),
      () => testProviderConnection(other.scope, { providerId: mine.id, providerModel: 'x' }),
    ]) {
      expect(await rejection(attempt)).toMatchObject({ status: 404, code: 'not_found' })
    }
    expect((await db.aiProvider.findUniqueOrThrow({ where: { id: mine.id } })).name).toBe('Mine')
    expect((await listProviders(other.scope)).items).toEqual([])
  })
})

describe('models', () => {
  test('create, list with prices and provider, edit, delete', async () => {
    const provider = await createProvider(team.scope, openAiProvider('Model host'))
    const model = await createModel(team.scope, { ...modelInput(provider.id, 'house-gpt'), cachedInputPrice: '0.25' })
    let listed = (await listModels(team.scope, { q: 'house-gpt' })).items
    expect(listed).toMatchObject([
      {
        id: model.id,
        providerName: 'Model host',
        providerModel: 'house-gpt-upstream',
        inputMicrosPerM: 500_000n,
        outputMicrosPerM: 1_500_000n,
        cachedInputMicrosPerM: 250_000n,
        contextWindow: 8000,
        maxOutputTokens: 1000,
        usedBy: [],
      },
    ])
    await updateModel(team.scope, { modelId: model.id, outputPrice: '2', cachedInputPrice: '' })
    listed = (await listModels(team.scope, { q: 'house-gpt' })).items
    expect(listed[0]).toMatchObject({
      outputMicrosPerM: 2_000_000n,
      cachedInputMicrosPerM: null,
      inputMicrosPerM: 500_000n,
    })
    expect(await deleteModel(team.scope, { modelId: model.id })).toEqual({ name: 'house-gpt' })
    expect(await db.aiModel.count({ where: { id: model.id } })).toBe(0)
  })

  test.each([
    ['a negative price', { inputPrice: '-1' }, 'inputPrice', 'Enter 0 or more'],
    ['seven decimals', { outputPrice: '0.0000001' }, 'outputPrice', 'Use at most 6 decimal places'],
    ['a model name with spaces', { name: 'my model' }, 'name', 'Use letters'],
    ['a zero context window', { contextWindow: '0' }, 'contextWindow', 'At least 1 token'],
    ['a word for max output', { maxOutputTokens: 'lots' }, 'maxOutputTokens', 'Enter the max output'],
  ])('refuses %s', async (_label, override, field, message) => {
    const provider = await createProvider(team.scope, openAiProvider(`Bad model host ${field}`))
    const error = await rejection(() => createModel(team.scope, { ...modelInput(provider.id, 'bad-one'), ...override }))
    expect(error.name).toBe('ZodError')
    expect(JSON.stringify(error)).toContain(field)
    expect(JSON.stringify(error)).toContain(message)
    expect(await db.aiModel.count({ where: { teamId: team.id, name: 'bad-one' } })).toBe(0)
  })

  test('max output above the context window is refused', async () => {
    const provider = await createProvider(team.scope, openAiProvider('Window host'))
    const error = await rejection(() =>
      createModel(team.scope, { ...modelInput(provider.id, 'too-long'), contextWindow: '100', maxOutputTokens: '200' }),
    )
    expect(error).toMatchObject({ status: 422, fieldErrors: { maxOutputTokens: ['At most the context window'] } })
  })

  test("a model on another team's provider is refused; another team's model reads as not found", async () => {
    const foreign = await createProvider(other.scope, openAiProvider('Foreign'))
    const refused = await rejection(() => createModel(team.scope, modelInput(foreign.id, 'borrowed')))
    expect(refused).toMatchObject({ status: 422, fieldErrors: { providerId: ['Choose one of your providers'] } })
    const theirs = await createModel(other.scope, modelInput(foreign.id, 'theirs'))
    expect(await rejection(() => updateModel(team.scope, { modelId: theirs.id, inputPrice: '0' }))).toMatchObject({
      status: 404,
    })
    expect(await rejection(() => deleteModel(team.scope, { modelId: theirs.id }))).toMatchObject({ status: 404 })
    expect((await listModels(team.scope, { q: 'theirs' })).items).toEqual([])
  })

  test('a provider with models cannot be deleted; without them it can', async () => {
    const provider = await createProvider(team.scope, openAiProvider('Busy'))
    const model = await createModel(team.scope, modelInput(provider.id, 'busy-model'))
    expect(await rejection(() => deleteProvider(team.scope, { providerId: provider.id }))).toMatchObject({
      status: 409,
      code: 'provider_in_use',
    })
    await deleteModel(team.scope, { modelId: model.id })
    expect(await deleteProvider(team.scope, { providerId: provider.id })).toEqual({ name: 'Busy' })
  })

  test('the shipped price list parses and covers the providers the issue names', () => {
    expect(PRICE_LIST.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const providers = new Set(PRICE_LIST.models.map((m) => m.provider))
    for (const name of ['OpenAI', 'Anthropic', 'Google', 'Mistral', 'DeepSeek']) expect(providers).toContain(name)
    for (const m of PRICE_LIST.models) expect(m.maxOutputTokens).toBeLessThanOrEqual(m.contextWindow)
  })
})

describe('test connection', () => {
  test('one real minimal call to the demo provider, OpenAI and Anthropic formats', async () => {
    const openai = await createProvider(team.scope, openAiProvider('Conn OpenAI'))
    const anthropic = await createProvider(team.scope, {
      name: 'Conn Anthropic',
      kind: 'ANTHROPIC',
      baseUrl: `${demo.url}/ai/anthropic/v1`,
      apiKey: 'sk-ant-test-0000',
    })
    await createModel(team.scope, modelInput(anthropic.id, 'conn-claude'))
    const viaOpenAi = await testProviderConnection(team.scope, { providerId: openai.id, providerModel: 'demo-model' })
    expect(viaOpenAi).toMatchObject({ ok: true, status: 200, model: 'demo-model' })
    if (viaOpenAi.ok) expect(viaOpenAi.inputTokens).toBeGreaterThan(0)
    // No model named: the provider's first model is asked.
    const viaAnthropic = await testProviderConnection(team.scope, { providerId: anthropic.id })
    expect(viaAnthropic).toMatchObject({ ok: true, status: 200, model: 'conn-claude-upstream' })
  })

  test("the provider's error status and message come back, not an exception", async () => {
    const failing = await createProvider(
      team.scope,
      openAiProvider('Conn 503', { baseUrl: `${demo.url}/ai/status=503/openai/v1` }),
    )
    const result = await testProviderConnection(team.scope, { providerId: failing.id, providerModel: 'm' })
    expect(result).toMatchObject({ ok: false, status: 503 })
    if (!result.ok) expect(result.error.length).toBeGreaterThan(0)
  })

  test('a provider that does not answer in time reports the timeout', async () => {
    const slow = await createProvider(
      team.scope,
      openAiProvider('Conn slow', { baseUrl: `${demo.url}/ai/delay=5000/openai/v1` }),
    )
    const result = await testProviderConnection(
      team.scope,
      { providerId: slow.id, providerModel: 'm' },
      { timeoutMs: 300 },
    )
    expect(result).toMatchObject({ ok: false, status: null, error: 'No answer within 0.3 s' })
  })

  test('the connect-time policy refuses a loopback provider when private upstreams are not allowed', async () => {
    const provider = await createProvider(team.scope, openAiProvider('Conn policy'))
    const strict = { ...outboundPolicyFromEnv(), allowPrivate: false }
    const result = await testProviderConnection(
      team.scope,
      { providerId: provider.id, providerModel: 'm' },
      { policy: strict },
    )
    expect(result).toMatchObject({ ok: false, status: null })
    if (!result.ok) expect(result.error).toMatch(/outbound policy/)
  })

  test('with no model to ask, it says so', async () => {
    const provider = await createProvider(team.scope, openAiProvider('Conn empty'))
    expect(await rejection(() => testProviderConnection(team.scope, { providerId: provider.id }))).toMatchObject({
      status: 422,
      code: 'no_model',
    })
  })
})
