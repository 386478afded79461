import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { createAiVersion } from '@/lib/ai/console/save-ai-version'
import { createPromptVersion } from '@/lib/ai/prompt/save-prompt-version'
import { createApi } from '@/lib/apis/create-api'
import { db } from '@/lib/db'
import { applied, exportConfig, post, teamWithToken } from './testing/config-fixture'
import { setupManagementWorld } from './testing/management-fixture'

// Config of AI_PROMPT versions: the prompt (templates, typed variables, output schema, settings and
// what it runs on, by name) travels in the file and applies through the console's own save.

setupManagementWorld()

const TONE = { name: 'tone', type: 'enum', required: false, values: ['plain', 'formal'], default: 'plain' }
const TEXT = { name: 'text', type: 'string', required: true, description: 'What to read', maxLength: 2000 }
const SCHEMA = {
  type: 'object',
  required: ['label'],
  properties: { label: { enum: ['positive', 'negative'] } },
}

type Prompt = Record<string, unknown>
type Document = { apis: Array<{ slug: string; versions: Array<{ version: string; prompt?: Prompt }> }> }

/** Every row a prompt apply writes, to prove an apply changed nothing. */
async function promptStateOf(teamId: string) {
  const order = { orderBy: { id: 'asc' as const } }
  return {
    versions: await db.apiVersion.findMany({ where: { teamId }, ...order }),
    templates: await db.aiPromptTemplate.findMany({ where: { teamId }, ...order }),
    routes: await db.aiVersionModel.findMany({ where: { teamId }, include: { targets: true }, ...order }),
    audit: await db.auditEntry.count({ where: { teamId } }),
  }
}

/** A chat model, an AI chat route over two models, and a prompt API: v1 published on the model, v2 a draft on the route. */
async function seedPromptSource() {
  const source = await teamWithToken('prompt-source', { grantAi: true })
  const scope = source.team.scope
  const cloud = await createProvider(scope, {
    name: 'cloud',
    kind: 'OPENAI_COMPATIBLE',
    baseUrl: 'http://127.0.0.1:9/v1',
  })
  const model = (name: string) =>
    createModel(scope, {
      providerId: cloud.id,
      name,
      providerModel: `${name}-2025`,
      inputPrice: '0.15',
      outputPrice: '0.6',
      contextWindow: '128000',
      maxOutputTokens: '4000',
    })
  const house = await model('house')
  const big = await model('big')
  const chat = await createApi(scope, { name: 'Assistant', slug: 'assistant', kind: 'AI_CHAT' })
  await createAiVersion(scope, {
    apiId: chat.id,
    version: 'v1',
    defaultModel: 'chat',
    design: { models: [{ name: 'chat', strategy: 'FALLBACK', targets: [{ modelId: house.id }, { modelId: big.id }] }] },
  })
  const route = await db.aiVersionModel.findFirstOrThrow({ where: { teamId: source.team.id, name: 'chat' } })
  const api = await createApi(scope, { name: 'Sentiment', slug: 'sentiment', kind: 'AI_PROMPT' })
  const v1 = await createPromptVersion(scope, {
    apiId: api.id,
    version: 'v1',
    systemTemplate: 'Answer in a {{tone}} tone.',
    userTemplate: 'How does this read? {{text}}',
    variables: [TONE, TEXT] as never,
    outputSchema: SCHEMA,
    temperature: 0.2,
    maxOutputTokens: 300,
    modelId: house.id,
  })
  await db.apiVersion.update({ where: { id: v1.versionId }, data: { state: 'PUBLISHED', publishedAt: new Date() } })
  await createPromptVersion(scope, {
    apiId: api.id,
    version: 'v2',
    userTemplate: 'Label this: {{text}}',
    variables: [TEXT] as never,
    chatRouteId: route.id,
  })
  return source
}

const promptOf = (document: Document, version: string) =>
  document.apis.find((a) => a.slug === 'sentiment')!.versions.find((v) => v.version === version)!.prompt!

describe('config apply: AI prompt versions', () => {
  test('export, apply to an empty team, export again: the same file with prompts; a second apply changes nothing', async () => {
    const source = await seedPromptSource()
    const file = await exportConfig(source.team, source.token)
    const document = parse(file) as Document & { ai: { routes: Array<{ api: string }> } }
    expect(promptOf(document, 'v1')).toEqual({
      systemTemplate: 'Answer in a {{tone}} tone.',
      userTemplate: 'How does this read? {{text}}',
      variables: [{ ...TONE, description: '' }, TEXT],
      outputSchema: SCHEMA,
      temperature: 0.2,
      maxOutputTokens: 300,
      model: 'house',
    })
    expect(promptOf(document, 'v2')).toMatchObject({ outputSchema: null, chatRoute: 'assistant/v1/chat' })
    // A prompt version's route is in its prompt block, not among the AI chat routes.
    expect(document.ai.routes.map((r) => r.api)).toEqual(['assistant'])

    const target = await teamWithToken('prompt-target', { grantAi: true })
    const first = await applied(target.team, target.token, file)
    expect(first.summary).toEqual({ create: 9, update: 0, unchanged: 0, delete: 0 })
    // Apply creates drafts (publishing goes through the lifecycle): published as in the source,
    // the target exports the very same text.
    expect((await exportConfig(target.team, target.token)).match(/status: \w+/g)).toEqual(
      Array(3).fill('status: DRAFT'),
    )
    await db.apiVersion.updateMany({
      where: { teamId: target.team.id, version: 'v1', api: { slug: 'sentiment' } },
      data: { state: 'PUBLISHED', publishedAt: new Date() },
    })
    expect(await exportConfig(target.team, target.token)).toBe(file)
    const templates = await db.aiPromptTemplate.findMany({ where: { teamId: target.team.id } })
    expect(templates.map((t) => t.userTemplate).sort()).toEqual([
      'How does this read? {{text}}',
      'Label this: {{text}}',
    ])
    const copied = await db.aiVersionModel.findMany({
      where: { teamId: target.team.id, version: { api: { slug: 'sentiment' } } },
      include: { targets: { orderBy: { position: 'asc' }, include: { model: true } } },
      orderBy: { name: 'asc' },
    })
    expect(copied.map((r) => [r.name, r.targets.map((t) => t.model.name)])).toEqual([
      ['chat', ['house', 'big']],
      ['house', ['house']],
    ])

    const before = await promptStateOf(target.team.id)
    const second = await applied(target.team, target.token, file)
    expect(second).toMatchObject({ summary: { create: 0, update: 0, unchanged: 9 }, applied: false })
    expect(await promptStateOf(target.team.id)).toEqual(before)
    // The source itself: its own export applies back as unchanged.
    expect((await applied(source.team, source.token, file)).applied).toBe(false)
  })

  test('a changed draft prompt is saved; a changed published prompt is refused with 409 and nothing applies', async () => {
    const source = await seedPromptSource()
    const document = parse(await exportConfig(source.team, source.token)) as Document
    promptOf(document, 'v2').userTemplate = 'Label this text: {{text}}'
    const draftOnly = await applied(source.team, source.token, stringify(document))
    expect(draftOnly.changes.filter((c) => c.change !== 'unchanged')).toEqual([
      { resource: 'version', name: 'sentiment v2', change: 'update', fields: ['prompt'] },
    ])
    const v2 = await db.aiPromptTemplate.findFirstOrThrow({
      where: { teamId: source.team.id, version: { version: 'v2', api: { slug: 'sentiment' } } },
    })
    expect(v2.userTemplate).toBe('Label this text: {{text}}')

    promptOf(document, 'v2').userTemplate = 'Label it: {{text}}'
    promptOf(document, 'v1').temperature = 0.9
    // A prompt on an AI chat version is refused as well: only a prompt API's versions have one.
    document.apis.find((a) => a.slug === 'assistant')!.versions[0].prompt = { ...promptOf(document, 'v2') }
    const before = await promptStateOf(source.team.id)
    const response = await post('apply', source.team, source.token, stringify(document))
    expect(response.status).toBe(409)
    const problem = (await response.json()) as { code: string; errors: Record<string, string[]> }
    expect(problem.code).toBe('config_conflict')
    expect(Object.keys(problem.errors)).toEqual(['assistant v1', 'sentiment v1'])
    expect(await promptStateOf(source.team.id)).toEqual(before)
  })

  test('a new prompt version with a timeout other than the default is refused with 409', async () => {
    const source = await seedPromptSource()
    const document = parse(await exportConfig(source.team, source.token)) as Document
    const v1 = document.apis.find((a) => a.slug === 'sentiment')!.versions[0] as { timeoutMs?: number }
    v1.timeoutMs = 5000
    const target = await teamWithToken('prompt-timeout', { grantAi: true })
    const response = await post('apply', target.team, target.token, stringify(document))
    expect(response.status).toBe(409)
    const problem = (await response.json()) as { errors: Record<string, string[]> }
    expect(Object.keys(problem.errors)).toEqual(['sentiment v1'])
    expect(await promptStateOf(target.team.id)).toEqual({ versions: [], templates: [], routes: [], audit: 0 })
  })

  test('a prune keeps the models prompt versions run on: 409 naming the model, and nothing applies', async () => {
    const source = await seedPromptSource()
    const document = parse(await exportConfig(source.team, source.token)) as Document & {
      ai: { models: Array<{ name: string }>; routes: Array<{ targets: Array<{ model: string }> }> }
    }
    // Only sentiment v1's prompt still runs on house once the chat route leaves it out.
    document.ai.models = document.ai.models.filter((m) => m.name !== 'house')
    document.ai.routes[0].targets = [{ model: 'big' }]
    const before = await promptStateOf(source.team.id)
    const response = await post('apply', source.team, source.token, stringify(document), '?prune=true')
    expect(response.status).toBe(409)
    const problem = (await response.json()) as { code: string; errors: Record<string, string[]> }
    expect(problem.code).toBe('config_conflict')
    expect(problem.errors).toEqual({ house: ['it is routed to by sentiment v1'] })
    expect(await promptStateOf(source.team.id)).toEqual(before)
  })

  test.each([
    [
      'a placeholder without a variable',
      (p: Prompt) => (p.userTemplate = 'Read {{text}} for {{reader}}'),
      'apis.1.versions.0.prompt.userTemplate',
    ],
    [
      'an enum default that is not allowed',
      (p: Prompt) => ((p.variables as Array<Record<string, unknown>>)[0].default = 'loud'),
      'apis.1.versions.0.prompt.variables.0',
    ],
    ['no model', (p: Prompt) => delete p.model, 'apis.1.versions.0.prompt.model'],
  ])('%s gets 400 invalid_config at its path, and nothing is applied', async (_case, spoil, path) => {
    const source = await seedPromptSource()
    const document = parse(await exportConfig(source.team, source.token)) as Document
    spoil(promptOf(document, 'v1'))
    const target = await teamWithToken('prompt-bad', { grantAi: true })
    const response = await post('apply', target.team, target.token, stringify(document))
    expect(response.status).toBe(400)
    const problem = (await response.json()) as { code: string; errors: Record<string, string[]> }
    expect(problem.code).toBe('invalid_config')
    expect(Object.keys(problem.errors)).toEqual([path])
    expect(await promptStateOf(target.team.id)).toEqual({ versions: [], templates: [], routes: [], audit: 0 })
  })

  test('a prompt naming a model the team lacks is 422 at its path, and nothing is applied', async () => {
    const source = await seedPromptSource()
    const document = parse(await exportConfig(source.team, source.token)) as Document
    promptOf(document, 'v1').model = 'ghost'
    const target = await teamWithToken('prompt-ghost', { grantAi: true })
    const response = await post('apply', target.team, target.token, stringify(document))
    expect(response.status).toBe(422)
    const problem = (await response.json()) as { errors: Record<string, string[]> }
    expect(Object.keys(problem.errors)).toEqual(['apis.1.versions.0.prompt.model'])
    expect(await promptStateOf(target.team.id)).toEqual({ versions: [], templates: [], routes: [], audit: 0 })
  })
})
