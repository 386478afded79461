import { afterAll, beforeAll, expect, test } from 'vitest'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { createAiVersion } from '@/lib/ai/console/save-ai-version'
import { createApi } from '@/lib/apis/create-api'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getPromptVersionDesign } from './get-prompt-version-design'
import { listPromptModelChoices } from './list-prompt-model-choices'
import { createPromptVersion } from './save-prompt-version'

// What the prompt design form reads: the model picker (the team's chat models and AI_CHAT routes,
// never another team's), and a saved version found again as the picker entry it came from.

let cleanup: () => Promise<void>
let team: TestTeam
let other: TestTeam
let gpt: string
let mini: string
let fastRouteId: string

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  team = await createTestTeam({ label: 'prompt' })
  other = await createTestTeam({ label: 'other' })
  const base = { kind: 'OPENAI_COMPATIBLE' as const, baseUrl: 'http://127.0.0.1:9/v1' }
  const provider = await createProvider(team.scope, { name: 'Prov', ...base })
  const theirs = await createProvider(other.scope, { name: 'Theirs', ...base })
  const model = (providerId: string, name: string) => ({
    providerId,
    name,
    providerModel: name,
    inputPrice: '1',
    outputPrice: '2',
    contextWindow: '8000',
    maxOutputTokens: '500',
  })
  gpt = (await createModel(team.scope, model(provider.id, 'team-gpt'))).id
  mini = (await createModel(team.scope, model(provider.id, 'team-mini'))).id
  const foreign = (await createModel(other.scope, model(theirs.id, 'their-gpt'))).id
  const chat = await createApi(team.scope, { name: 'Assistant', slug: 'assistant', kind: 'AI_CHAT' })
  const routes = JSON.stringify({
    models: [{ name: 'fast', strategy: 'FALLBACK', targets: [{ modelId: mini }, { modelId: gpt }] }],
    defaultModel: 'fast',
  })
  await createAiVersion(team.scope, { apiId: chat.id, version: 'v1', design: routes, defaultModel: 'fast' })
  const theirChat = await createApi(other.scope, { name: 'Their chat', slug: 'their-chat', kind: 'AI_CHAT' })
  await createAiVersion(other.scope, {
    apiId: theirChat.id,
    version: 'v1',
    design: JSON.stringify({ models: [{ name: 'secret', targets: [{ modelId: foreign }] }], defaultModel: 'secret' }),
    defaultModel: 'secret',
  })
  const choices = await listPromptModelChoices(team.scope)
  fastRouteId = choices.find((c) => c.kind === 'route')!.id
})
afterAll(async () => {
  await cleanup?.()
})

const promptInput = (apiId: string, version: string, choice: { modelId?: string; chatRouteId?: string }) => ({
  apiId,
  version,
  systemTemplate: 'Be brief.',
  userTemplate: 'Summarise in a {{tone}} tone: {{text}}',
  variables: JSON.stringify([
    { name: 'text', type: 'string', required: true, description: 'The text', maxLength: 400 },
    { name: 'tone', type: 'enum', required: false, values: ['neutral', 'formal'], default: 'neutral' },
  ]),
  outputSchema: '',
  temperature: '0.3',
  maxOutputTokens: '',
  ...choice,
})

test('the picker lists the team’s chat models, then its AI_CHAT routes by API and version; never another team’s', async () => {
  expect((await listPromptModelChoices(team.scope)).map((c) => c.label)).toEqual([
    'team-gpt (Prov)',
    'team-mini (Prov)',
    'route: Assistant v1 / fast',
  ])
  expect((await listPromptModelChoices(other.scope)).map((c) => c.label)).toEqual([
    'their-gpt (Theirs)',
    'route: Their chat v1 / secret',
  ])
})

test.each([
  ['a single model', () => ({ modelId: gpt }), () => `model:${gpt}`, ['team-gpt']],
  [
    'an AI_CHAT route, with its fallbacks',
    () => ({ chatRouteId: fastRouteId }),
    () => `route:${fastRouteId}`,
    ['team-mini', 'team-gpt'],
  ],
])(
  'a version saved on %s reads back as that picker entry, with the form’s fields',
  async (_label, choice, expected, runsOn) => {
    const api = await createApi(team.scope, {
      name: 'Summarize',
      slug: `summarize-${runsOn.length}`,
      kind: 'AI_PROMPT',
    })
    const saved = await createPromptVersion(team.scope, promptInput(api.id, 'v1', choice()))
    const design = await getPromptVersionDesign(team.scope, { versionId: saved.versionId })
    expect(design).toMatchObject({
      choice: expected(),
      runsOn,
      temperature: 0.3,
      userTemplate: 'Summarise in a {{tone}} tone: {{text}}',
    })
    // The playground's inputs are the contract's fields: typed, required as declared, defaults kept.
    expect(design?.fields).toEqual([
      { name: 'text', type: 'string', required: true, description: 'The text', maxLength: 400 },
      {
        name: 'tone',
        type: 'string',
        required: false,
        description: '',
        enum: ['neutral', 'formal'],
        default: 'neutral',
      },
    ])
    // Another team cannot read it.
    expect(await getPromptVersionDesign(other.scope, { versionId: saved.versionId })).toBeNull()
  },
)
