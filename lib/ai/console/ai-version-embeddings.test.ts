import { afterAll, beforeAll, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { db } from '@/lib/db'
import { validateOpenApi } from '@/lib/openapi/validate-openapi'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { loadTryIt } from '@/lib/try-it/load-try-it'
import { createModel } from './create-model'
import { createProvider } from './create-provider'
import { createAiVersion } from './save-ai-version'
import { updateModel } from './update-model'

// Embedding models on AI_CHAT versions, as an owner designs them: exposed beside chat models (the
// contract gains POST /embeddings with their names as the enum, and stays valid OpenAPI 3.1; try-it's
// chat form leaves them out), a
// route of one kind only, a chat default, no embedding model on Anthropic, no kind change once routed.

let cleanup: () => Promise<void>
let team: TestTeam
let chat: string
let embed: string
let anthropicProvider: string

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  team = await createTestTeam({ label: 'embed' })
  const provider = await createProvider(team.scope, {
    name: 'Prov',
    kind: 'OPENAI_COMPATIBLE',
    baseUrl: 'http://127.0.0.1:9/v1',
  })
  anthropicProvider = (
    await createProvider(team.scope, { name: 'Claude', kind: 'ANTHROPIC', baseUrl: 'http://127.0.0.1:9/v1' })
  ).id
  const model = (name: string, kind: 'CHAT' | 'EMBEDDING') => ({
    providerId: provider.id,
    name,
    providerModel: name,
    kind,
    inputPrice: '0.02',
    outputPrice: '0',
    contextWindow: '8192',
    maxOutputTokens: '1',
  })
  chat = (await createModel(team.scope, model('team-chat', 'CHAT'))).id
  embed = (await createModel(team.scope, model('team-embed', 'EMBEDDING'))).id
})
afterAll(async () => {
  await cleanup?.()
})

let slugCount = 0
const aiApi = () => createApi(team.scope, { name: 'Assistant', slug: `embed-api-${++slugCount}`, kind: 'AI_CHAT' })
const design = (models: unknown[], defaultModel?: string) => JSON.stringify({ models, defaultModel })

test('chat and embedding models side by side: the contract has POST /embeddings with the embedding names', async () => {
  const api = await aiApi()
  const { versionId } = await createAiVersion(team.scope, {
    apiId: api.id,
    version: 'v1',
    design: design(
      [
        { name: 'chat', targets: [{ modelId: chat }] },
        { name: 'vectors', targets: [{ modelId: embed }] },
      ],
      'chat',
    ),
  })
  const { openapi } = await db.apiVersion.findUniqueOrThrow({ where: { id: versionId } })
  expect((await validateOpenApi(openapi)).ok).toBe(true)
  const document = JSON.parse(openapi)
  expect(Object.keys(document.paths).sort()).toEqual(['/chat/completions', '/embeddings', '/messages', '/models'])
  expect(document.components.schemas.ChatCompletionRequest.properties.model.enum).toEqual(['chat'])
  expect(document.components.schemas.EmbeddingsRequest.properties.model.enum).toEqual(['vectors'])
  expect(document.components.schemas.EmbeddingsRequest.properties.encoding_format.enum).toEqual(['float', 'base64'])
  expect(document.components.schemas.ModelList.properties.data.items.properties.id.enum).toEqual(['chat', 'vectors'])
  // Try-it's chat form offers the chat model only.
  const tryIt = await loadTryIt({ teamIds: [team.id], userId: team.user.id }, { apiId: api.id, versionId })
  expect(tryIt?.chatModels).toEqual(['chat'])
})

test('a version of embedding models only has no chat paths, and still validates', async () => {
  const api = await aiApi()
  const { versionId } = await createAiVersion(team.scope, {
    apiId: api.id,
    version: 'v1',
    design: design([{ name: 'vectors', targets: [{ modelId: embed }] }]),
  })
  const { openapi } = await db.apiVersion.findUniqueOrThrow({ where: { id: versionId } })
  expect((await validateOpenApi(openapi)).ok).toBe(true)
  expect(Object.keys(JSON.parse(openapi).paths).sort()).toEqual(['/embeddings', '/models'])
})

test.each([
  [
    'a route that mixes chat and embedding models',
    () => design([{ name: 'mixed', targets: [{ modelId: chat }, { modelId: embed }] }]),
    'design',
    /one kind/,
  ],
  [
    'an embedding model as the default beside chat models',
    () =>
      design(
        [
          { name: 'chat', targets: [{ modelId: chat }] },
          { name: 'vectors', targets: [{ modelId: embed }] },
        ],
        'vectors',
      ),
    'defaultModel',
    /chat model/,
  ],
])('%s is a form error', async (_, designOf, field, message) => {
  const api = await aiApi()
  const error = await rejection(() => createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: designOf() }))
  expect(error).toMatchObject({ status: 422, fieldErrors: { [field]: [expect.stringMatching(message)] } })
  expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
})

test('an embedding model on an Anthropic provider is a field error on kind', async () => {
  const error = await rejection(() =>
    createModel(team.scope, {
      providerId: anthropicProvider,
      name: 'claude-embed',
      providerModel: 'claude-embed',
      kind: 'EMBEDDING',
      inputPrice: '1',
      outputPrice: '0',
      contextWindow: '8000',
      maxOutputTokens: '1',
    }),
  )
  expect(error).toMatchObject({ status: 422, fieldErrors: { kind: [expect.stringContaining('chat models only')] } })
})

test('a routed model keeps its kind; an unrouted one may change it', async () => {
  const api = await aiApi()
  await createAiVersion(team.scope, {
    apiId: api.id,
    version: 'v1',
    design: design([{ name: 'vectors', targets: [{ modelId: embed }] }]),
  })
  const error = await rejection(() => updateModel(team.scope, { modelId: embed, kind: 'CHAT' }))
  expect(error).toMatchObject({ status: 422, fieldErrors: { kind: [expect.stringContaining('keep their kind')] } })
  const spare = await createModel(team.scope, {
    providerId: (await db.aiModel.findUniqueOrThrow({ where: { id: embed } })).providerId,
    name: 'spare',
    providerModel: 'spare',
    inputPrice: '1',
    outputPrice: '1',
    contextWindow: '8000',
    maxOutputTokens: '100',
  })
  await updateModel(team.scope, { modelId: spare.id, kind: 'EMBEDDING' })
  expect((await db.aiModel.findUniqueOrThrow({ where: { id: spare.id } })).kind).toBe('EMBEDDING')
})
