import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { createAiVersion } from '@/lib/ai/console/save-ai-version'
import { createApi } from '@/lib/apis/create-api'
import { db } from '@/lib/db'
import { applied, exportConfig, post, teamWithToken, type Diff } from './testing/config-fixture'
import { setupManagementWorld } from './testing/management-fixture'

// Config apply of AI settings: providers (never their keys), models and the routes of AI chat
// versions, through the console's own functions in the apply's one transaction.

setupManagementWorld()

const SECRET = 'sk-config-ai-secret-0123456789'

/** Every AI row of a team (and its versions), to prove an apply changed nothing. */
async function aiStateOf(teamId: string) {
  const order = { orderBy: { id: 'asc' as const } }
  return {
    providers: await db.aiProvider.findMany({ where: { teamId }, ...order }),
    models: await db.aiModel.findMany({ where: { teamId }, ...order }),
    routes: await db.aiVersionModel.findMany({ where: { teamId }, include: { targets: true }, ...order }),
    versions: await db.apiVersion.findMany({ where: { teamId }, ...order }),
    audit: await db.auditEntry.count({ where: { teamId } }),
  }
}

/** Two providers (one with a key), three models, and an AI chat API whose draft routes to them. */
async function seedAiSource() {
  const source = await teamWithToken('ai-source', { grantAi: true })
  const scope = source.team.scope
  const base = 'http://127.0.0.1:9/v1'
  const cloud = await createProvider(scope, { name: 'cloud', kind: 'OPENAI_COMPATIBLE', baseUrl: base, apiKey: SECRET })
  const local = await createProvider(scope, { name: 'local', kind: 'OLLAMA', baseUrl: 'http://127.0.0.1:11434' })
  const model = (providerId: string, name: string, extra = {}) =>
    createModel(scope, {
      providerId,
      name,
      providerModel: `${name}-2025`,
      inputPrice: '0.15',
      outputPrice: '0.6',
      contextWindow: '128000',
      maxOutputTokens: '4000',
      ...extra,
    })
  const mini = await model(cloud.id, 'mini', { cachedInputPrice: '0.075' })
  const big = await model(cloud.id, 'big', { inputPrice: '2.5', outputPrice: '10' })
  const embed = await model(local.id, 'embed', { kind: 'EMBEDDING', outputPrice: '0' })
  const api = await createApi(scope, { name: 'Assistant', slug: 'assistant', kind: 'AI_CHAT' })
  await createAiVersion(scope, {
    apiId: api.id,
    version: 'v1',
    defaultModel: 'chat',
    design: {
      models: [
        { name: 'chat', strategy: 'FALLBACK', targets: [{ modelId: mini.id }, { modelId: big.id }] },
        {
          name: 'split',
          strategy: 'WEIGHTED',
          targets: [
            { modelId: mini.id, weight: 3 },
            { modelId: big.id, weight: 1 },
          ],
        },
        { name: 'vectors', strategy: 'FALLBACK', targets: [{ modelId: embed.id }] },
      ],
    },
  })
  return source
}

describe('config apply: AI settings', () => {
  test('export, apply to an empty team, export again: the same file with AI; a second apply changes nothing', async () => {
    const source = await seedAiSource()
    const file = await exportConfig(source.team, source.token)
    expect(file).not.toContain(SECRET)
    const { ai } = parse(file) as { ai: { providers: unknown[]; models: unknown[]; routes: unknown[] } }
    expect([ai.providers.length, ai.models.length, ai.routes.length]).toEqual([2, 3, 3])

    const target = await teamWithToken('ai-target', { grantAi: true })
    const first = await applied(target.team, target.token, file)
    expect(first.summary).toEqual({ create: 10, update: 0, unchanged: 0, delete: 0 })
    // The key stayed behind: both providers are keyless until someone sets one.
    expect(first.needsKey).toEqual(['cloud', 'local'])
    const providers = await db.aiProvider.findMany({ where: { teamId: target.team.id } })
    expect(providers.map((p) => [p.name, p.apiKeyEnc])).toEqual(
      expect.arrayContaining([
        ['cloud', null],
        ['local', null],
      ]),
    )
    const entries = await db.auditEntry.findMany({ where: { teamId: target.team.id } })
    expect(entries.map((e) => `${e.origin} ${e.action}`).sort()).toEqual([
      'CONFIG ai_model.create',
      'CONFIG ai_model.create',
      'CONFIG ai_model.create',
      'CONFIG ai_provider.create',
      'CONFIG ai_provider.create',
      'CONFIG api.create',
      'CONFIG version.create',
    ])
    expect(await exportConfig(target.team, target.token)).toBe(file)

    const before = await aiStateOf(target.team.id)
    const second = await applied(target.team, target.token, file)
    expect(second).toMatchObject({ summary: { create: 0, update: 0, unchanged: 10 }, applied: false })
    expect(await aiStateOf(target.team.id)).toEqual(before)
  })

  test('diff lists AI updates like APIs; apply makes them through the console’s rules', async () => {
    const source = await seedAiSource()
    const document = parse(await exportConfig(source.team, source.token))
    document.ai.models.find((m: { name: string }) => m.name === 'mini').inputPricePerM = '0.20'
    document.ai.providers.find((p: { name: string }) => p.name === 'local').baseUrl = 'http://127.0.0.1:11435'
    document.ai.routes.find((r: { name: string }) => r.name === 'split').targets[0].weight = 5
    const file = stringify(document)
    const before = await aiStateOf(source.team.id)
    const diff = (await (await post('diff', source.team, source.token, file)).json()) as Diff
    expect(diff.changes.filter((c) => c.change !== 'unchanged')).toEqual([
      { resource: 'ai_provider', name: 'local', change: 'update', fields: ['baseUrl'] },
      { resource: 'ai_model', name: 'mini', change: 'update', fields: ['inputPricePerM'] },
      { resource: 'ai_route', name: 'assistant v1 split', change: 'update', fields: ['targets'] },
    ])
    expect(diff.needsKey).toEqual(['local'])
    expect(await aiStateOf(source.team.id)).toEqual(before)

    expect((await applied(source.team, source.token, file)).summary).toEqual(diff.summary)
    const mini = await db.aiModel.findFirstOrThrow({ where: { teamId: source.team.id, name: 'mini' } })
    expect(mini.inputMicrosPerM).toBe(200_000n)
    const split = await db.aiVersionModel.findFirstOrThrow({
      where: { teamId: source.team.id, name: 'split' },
      include: { targets: { orderBy: { position: 'asc' } } },
    })
    expect(split.targets.map((t) => t.weight)).toEqual([5, 1])
    // The key the console set is kept by an apply that changes the provider's URL.
    const cloud = await db.aiProvider.findFirstOrThrow({ where: { teamId: source.team.id, name: 'cloud' } })
    expect(cloud.apiKeyEnc).not.toBeNull()
  })

  test('a failing apply (a bad route at the end) leaves AI settings untouched', async () => {
    const source = await seedAiSource()
    const document = parse(await exportConfig(source.team, source.token))
    document.ai.providers.push({ name: 'extra', kind: 'OLLAMA', baseUrl: 'http://127.0.0.1:11436' })
    document.ai.models[0].outputPricePerM = '9'
    document.ai.routes.push({ api: 'assistant', version: 'v1', name: 'ghost', targets: [{ model: 'no-such-model' }] })
    const before = await aiStateOf(source.team.id)
    const response = await post('apply', source.team, source.token, stringify(document))
    expect(response.status, await response.clone().text()).toBe(422)
    const problem = (await response.json()) as { detail: string }
    expect(problem.detail).toMatch(/^Nothing was applied: ai\.routes\.\d+: .*no-such-model/)
    expect(await aiStateOf(source.team.id)).toEqual(before)

    const empty = await teamWithToken('ai-empty', { grantAi: true })
    expect((await post('apply', empty.team, empty.token, stringify(document))).status).toBe(422)
    expect(await aiStateOf(empty.team.id)).toEqual({ providers: [], models: [], routes: [], versions: [], audit: 0 })
  })

  test('a route change on a published AI version is refused with 409 naming it', async () => {
    const source = await seedAiSource()
    const document = parse(await exportConfig(source.team, source.token))
    await db.apiVersion.updateMany({
      where: { teamId: source.team.id, version: 'v1' },
      data: { state: 'PUBLISHED', publishedAt: new Date() },
    })
    document.ai.routes[0].strategy = 'WEIGHTED'
    document.ai.models[0].contextWindow = 64000
    const before = await aiStateOf(source.team.id)
    const response = await post('apply', source.team, source.token, stringify(document))
    expect(response.status).toBe(409)
    const problem = (await response.json()) as { code: string; errors: Record<string, string[]> }
    expect(problem.code).toBe('config_conflict')
    expect(Object.keys(problem.errors)).toEqual(['assistant v1'])
    expect(await aiStateOf(source.team.id)).toEqual(before)
  })
})
