import { afterAll, beforeAll, expect, test } from 'vitest'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startProviderUpstream, type ProviderUpstream } from '../providers/test-provider-upstream'
import { providerReply } from '../gateway/test-provider-replies'
import { seedAiWorld, seedPromptApi, type AiWorld } from '../gateway/test-ai-world'
import { runPromptDraft } from './run-prompt-draft'
import { createPromptVersion } from './save-prompt-version'

// A prompt version's life before the gateway: the playground runs a DRAFT with sample variables
// (rendered prompt, answer, tokens, cost at the model's prices; each variable problem named), and
// publishing a version that adds a required variable is flagged breaking: it needs a new major or
// the explicit override.

let testDb: TestDatabase
let provider: ProviderUpstream
let world: AiWorld
let apiId: string
let modelId: string

const TEXT = { name: 'text', type: 'string', required: true, description: '' }
const SCHEMA = {
  type: 'object',
  required: ['label', 'score'],
  properties: { label: { enum: ['positive', 'negative', 'neutral'] }, score: { type: 'number' } },
}

beforeAll(async () => {
  testDb = await setupTestDatabase()
  provider = await startProviderUpstream((req) => {
    const body = JSON.stringify(req.json)
    const text = body.includes('JSON Schema') ? '{"label": "neutral", "score": 0.5}' : 'It is fine.'
    return providerReply('OPENAI', { text, usage: { input: 1_000, output: 500 } })(req)
  })
  world = await seedAiWorld(testDb.db, {
    providers: [{ name: 'Scripted', kind: 'OPENAI', baseUrl: `${provider.url}/v1` }],
    models: [{ name: 'served', provider: 'Scripted', inputMicrosPerM: 2_000_000n, outputMicrosPerM: 4_000_000n }],
    exposed: [{ name: 'chat', targets: [{ model: 'served' }] }],
  })
  const seeded = await seedPromptApi(testDb.db, world, {
    slug: 'review',
    model: 'served',
    userTemplate: 'Review: {{text}}',
    variables: [TEXT],
  })
  apiId = seeded.api.id
  modelId = (await testDb.db.aiModel.findFirstOrThrow({ where: { teamId: world.acme.id, name: 'served' } })).id
})

afterAll(async () => {
  await provider?.close()
  await testDb?.cleanup()
})

const draft = (version: string, variables: unknown[], outputSchema: Record<string, unknown> | null = null) =>
  createPromptVersion(world.acme.scope, {
    apiId,
    version,
    systemTemplate: 'You review {{audience}} texts.',
    userTemplate: 'Review: {{text}}',
    variables: [TEXT, ...variables] as never,
    outputSchema,
    modelId,
  })

const AUDIENCE = { name: 'audience', type: 'string', required: true, description: '' }

test('the playground runs a draft: the rendered prompt, the answer, its tokens and cost, unmetered', async () => {
  const { versionId } = await draft('v2', [AUDIENCE], SCHEMA)
  const run = await runPromptDraft(
    { teamId: world.acme.id },
    { versionId, variables: { text: 'ok', audience: 'legal' } },
  )
  expect(run).toMatchObject({
    ok: true,
    user: 'Review: ok',
    output: { label: 'neutral', score: 0.5 },
    text: '{"label": "neutral", "score": 0.5}',
    model: 'served',
    provider: 'Scripted',
    inputTokens: 1_000,
    outputTokens: 500,
    // 1 000 × 2 + 500 × 4 micros = 0.004 at the model's own prices.
    cost: '0.004',
    attempts: 1,
  })
  if (!run.ok) throw new Error('unreachable')
  expect(run.system).toMatch(/^You review legal texts\.\n\nAnswer with a single JSON object/)
  expect(await testDb.db.invocation.count({ where: { versionId } })).toBe(0)
  expect(await testDb.db.ledgerEntry.count({ where: { teamId: world.acme.id, kind: 'CHARGE' } })).toBe(0)
})

test('the playground names each variable problem and calls no provider', async () => {
  const { versionId } = await draft('v3', [AUDIENCE])
  const sent = provider.received.length
  const run = await runPromptDraft({ teamId: world.acme.id }, { versionId, variables: { text: 3, extra: true } })
  expect(run).toMatchObject({
    ok: false,
    variableErrors: { text: ['must be a string'], audience: ['is required'], extra: [expect.any(String)] },
  })
  expect(provider.received.length).toBe(sent)
  // Another team's version reads as not found.
  const stranger = await runPromptDraft({ teamId: world.initech.id }, { versionId, variables: {} })
  expect(stranger).toMatchObject({ ok: false, error: { code: 'not_found' } })
})

test('a new required variable is breaking: the same major needs the override, a new major does not', async () => {
  const minor = await draft('v1.1', [AUDIENCE])
  const checks = await getPublishChecks(world.acme.scope, { versionId: minor.versionId })
  expect(checks.upstream.ok).toBe(true)
  expect(checks.aiRoutes).toEqual({ ok: true, models: ['served'] })
  expect(checks.changes).toContainEqual(
    expect.objectContaining({ kind: 'required-request-field-added', breaking: true }),
  )
  expect(checks.needsOverride).toBe(true)
  expect(checks.guard.ok).toBe(false)
  const overridden = await getPublishChecks(world.acme.scope, {
    versionId: minor.versionId,
    override: true,
    overrideReason: 'Every caller is ours and moves today',
  })
  expect(overridden.guard).toEqual({ ok: true })
  const major = await draft('v4', [AUDIENCE])
  expect((await getPublishChecks(world.acme.scope, { versionId: major.versionId })).guard).toEqual({ ok: true })
})
