import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { updateDraftVersion } from '@/lib/apis/update-draft-version'
import { db } from '@/lib/db'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { publishVersion } from '@/lib/lifecycle/publish-version'
import { validateOpenApi } from '@/lib/openapi/validate-openapi'
import { createPlan } from '@/lib/plans/create-plan'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { buildAiChatContract } from './build-ai-chat-contract'
import { createModel } from './create-model'
import { createProvider } from './create-provider'
import { deleteModel } from './delete-model'
import { getAiVersionDesign } from './get-ai-version-design'
import { listModels } from './list-models'
import { createAiVersion, updateAiVersion } from './save-ai-version'

// AI_CHAT versions: routes stored as rows, the contract generated and valid, publishing without an
// upstream, immutability once published, and team scoping of every model a route names.

let cleanup: () => Promise<void>
let team: TestTeam
let other: TestTeam
let gpt: string
let claude: string
let foreignModel: string

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  team = await createTestTeam({ label: 'ai' })
  other = await createTestTeam({ label: 'other' })
  const base = { kind: 'OPENAI_COMPATIBLE' as const, baseUrl: 'http://127.0.0.1:9/v1' }
  const provider = await createProvider(team.scope, { name: 'Prov', ...base })
  const theirs = await createProvider(other.scope, { name: 'Prov', ...base })
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
  claude = (await createModel(team.scope, model(provider.id, 'team-claude'))).id
  foreignModel = (await createModel(other.scope, model(theirs.id, 'their-gpt'))).id
})
afterAll(async () => {
  await cleanup?.()
})

let slugCount = 0
async function aiApi(scope = team.scope) {
  return createApi(scope, { name: 'Assistant', slug: `assistant-${++slugCount}`, kind: 'AI_CHAT' })
}

const design = (models: unknown[], defaultModel?: string) => JSON.stringify({ models, defaultModel })
const twoModelsDesign = () =>
  design(
    [
      { name: 'fast', strategy: 'FALLBACK', targets: [{ modelId: gpt }, { modelId: claude }] },
      {
        name: 'smart',
        strategy: 'WEIGHTED',
        targets: [
          { modelId: claude, weight: 3 },
          { modelId: gpt, weight: 1 },
        ],
      },
    ],
    'smart',
  )

describe('design and contract', () => {
  test('routes are stored in order with weights, and the generated contract validates', async () => {
    const api = await aiApi()
    const saved = await createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: twoModelsDesign() })
    expect(saved).toMatchObject({ version: 'v1', created: true })
    const version = await db.apiVersion.findUniqueOrThrow({ where: { id: saved.versionId } })
    expect(version).toMatchObject({ upstreamUrl: '', state: 'DRAFT', teamId: team.id })
    const validation = await validateOpenApi(version.openapi)
    expect(validation.ok).toBe(true)
    const document = JSON.parse(version.openapi)
    expect(Object.keys(document.paths).sort()).toEqual(['/chat/completions', '/messages', '/models'])
    expect(document.components.schemas.ChatCompletionRequest.properties.model.enum).toEqual(['fast', 'smart'])
    expect(document.components.schemas.ChatCompletionRequest.properties.model.default).toBe('smart')
    expect(document.components.schemas.ChatCompletionRequest.properties.stream.type).toBe('boolean')

    const rows = await db.aiVersionModel.findMany({
      where: { versionId: saved.versionId },
      orderBy: { name: 'asc' },
      include: { targets: { orderBy: { position: 'asc' } } },
    })
    expect(rows.map((r) => [r.name, r.isDefault, r.strategy, r.teamId])).toEqual([
      ['fast', false, 'FALLBACK', team.id],
      ['smart', true, 'WEIGHTED', team.id],
    ])
    expect(rows[0].targets.map((t) => [t.modelId, t.position, t.weight])).toEqual([
      [gpt, 0, 1],
      [claude, 1, 1],
    ])
    expect(rows[1].targets.map((t) => [t.modelId, t.weight])).toEqual([
      [claude, 3],
      [gpt, 1],
    ])
    expect(await getAiVersionDesign(team.scope, { versionId: saved.versionId })).toMatchObject({
      defaultModel: 'smart',
    })
    expect(await getAiVersionDesign(other.scope, { versionId: saved.versionId })).toBeNull()
    // "Which AI APIs use it" on the models list.
    const used = (await listModels(team.scope, { q: 'team-gpt' })).items[0].usedBy
    expect(used).toContainEqual({ apiId: api.id, apiSlug: api.slug, apiName: 'Assistant', versions: ['v1'] })
  })

  test('editing a draft replaces its routes and regenerates its contract', async () => {
    const api = await aiApi()
    const { versionId } = await createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: twoModelsDesign() })
    await updateAiVersion(team.scope, {
      versionId,
      design: design([{ name: 'only', targets: [{ modelId: claude }] }]),
    })
    const version = await db.apiVersion.findUniqueOrThrow({ where: { id: versionId } })
    expect(JSON.parse(version.openapi).components.schemas.ChatCompletionRequest.properties.model.enum).toEqual(['only'])
    expect(await db.aiVersionModel.findMany({ where: { versionId }, select: { name: true, isDefault: true } })).toEqual(
      [{ name: 'only', isDefault: true }],
    )
  })

  test.each([
    ['no models', design([]), 'design.models'],
    ['not JSON', '{oops', 'design'],
    ['a model without a route', design([{ name: 'x', targets: [] }]), 'design.models.0.targets'],
    [
      'a name twice',
      design([
        { name: 'x', targets: [{ modelId: 'aim_a' }] },
        { name: 'x', targets: [{ modelId: 'aim_b' }] },
      ]),
      'design',
    ],
    [
      'a model twice in one route',
      design([{ name: 'x', targets: [{ modelId: 'aim_a' }, { modelId: 'aim_a' }] }]),
      'design',
    ],
    ['a default that is not exposed', design([{ name: 'x', targets: [{ modelId: 'aim_a' }] }], 'y'), 'defaultModel'],
    [
      'a weight of 0',
      design([{ name: 'x', strategy: 'WEIGHTED', targets: [{ modelId: 'aim_a', weight: 0 }] }]),
      'design.models.0.targets.0.weight',
    ],
  ])('refuses a design with %s, writing nothing', async (_label, badDesign, field) => {
    const api = await aiApi()
    const error = await rejection(() =>
      createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: badDesign }),
    )
    expect(error.name).toBe('ZodError')
    const paths = (error as unknown as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'))
    expect(paths.some((p) => p.startsWith(field))).toBe(true)
    expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
  })

  test("another team's model in a route is refused and nothing is written", async () => {
    const api = await aiApi()
    const error = await rejection(() =>
      createAiVersion(team.scope, {
        apiId: api.id,
        version: 'v1',
        design: design([{ name: 'x', targets: [{ modelId: foreignModel }] }]),
      }),
    )
    expect(error).toMatchObject({ status: 422, fieldErrors: { design: [expect.stringContaining('not one of your')] } })
    expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
  })

  test("another team's API or version reads as not found", async () => {
    const api = await aiApi()
    const { versionId } = await createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: twoModelsDesign() })
    expect(
      await rejection(() => createAiVersion(other.scope, { apiId: api.id, version: 'v2', design: twoModelsDesign() })),
    ).toMatchObject({ status: 404 })
    expect(await rejection(() => updateAiVersion(other.scope, { versionId, design: twoModelsDesign() }))).toMatchObject(
      { status: 404 },
    )
  })

  test('a REST API cannot take a model design, and an AI API cannot take an uploaded contract', async () => {
    const rest = await createApi(team.scope, { name: 'Rest', slug: `rest-${++slugCount}` })
    expect(
      await rejection(() => createAiVersion(team.scope, { apiId: rest.id, version: 'v1', design: twoModelsDesign() })),
    ).toMatchObject({
      code: 'not_ai_chat',
    })
    const api = await aiApi()
    const openapi = buildAiChatContract({ apiName: 'x', version: 'v1', models: ['m'], defaultModel: 'm' })
    expect(
      await rejection(() =>
        createVersion(team.scope, { apiId: api.id, version: 'v1', openapi, upstreamUrl: 'http://127.0.0.1:9' }),
      ),
    ).toMatchObject({ code: 'ai_contract_generated' })
    const { versionId } = await createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: twoModelsDesign() })
    expect(await rejection(() => updateDraftVersion(team.scope, { versionId, openapi }))).toMatchObject({
      code: 'ai_contract_generated',
    })
  })
})

describe('publishing', () => {
  test('publishes with no upstream; its models are then immutable, and a routed model cannot be deleted', async () => {
    const api = await aiApi()
    const { versionId } = await createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: twoModelsDesign() })
    const noPlan = await getPublishChecks(team.scope, { versionId })
    expect(noPlan.guard.ok).toBe(false)
    expect(noPlan.aiRoutes).toEqual({ ok: true, models: ['fast', 'smart'] })
    await createPlan(team.scope, {
      apiId: api.id,
      name: 'Tokens',
      paid: 'true',
      pricePerMInput: '0',
      pricePerMOutput: '0',
    })
    const checks = await getPublishChecks(team.scope, { versionId })
    expect(checks.guard).toEqual({ ok: true })
    await publishVersion(team.scope, { versionId })
    expect((await db.apiVersion.findUniqueOrThrow({ where: { id: versionId } })).state).toBe('PUBLISHED')

    expect(
      await rejection(() =>
        updateAiVersion(team.scope, { versionId, design: design([{ name: 'x', targets: [{ modelId: gpt }] }]) }),
      ),
    ).toMatchObject({
      status: 409,
      code: 'version_immutable',
    })
    expect(await db.aiVersionModel.count({ where: { versionId } })).toBe(2)
    const refused = await rejection(() => deleteModel(team.scope, { modelId: gpt }))
    expect(refused).toMatchObject({ status: 409, code: 'model_in_use' })
    expect(refused.message).toContain('Assistant v1')
  })

  test('a model no longer exposed is a breaking change: same major needs an override', async () => {
    const api = await aiApi()
    await createPlan(team.scope, { apiId: api.id, name: 'Free' })
    const v1 = await createAiVersion(team.scope, { apiId: api.id, version: 'v1', design: twoModelsDesign() })
    await publishVersion(team.scope, { versionId: v1.versionId })
    const onlyFast = design([{ name: 'fast', targets: [{ modelId: gpt }] }])
    const v11 = await createAiVersion(team.scope, { apiId: api.id, version: 'v1.1', design: onlyFast })
    const checks = await getPublishChecks(team.scope, { versionId: v11.versionId })
    expect(checks.changes).toContainEqual(
      expect.objectContaining({
        breaking: true,
        kind: 'request-field-enum-narrowed',
        message: expect.stringContaining('"smart"'),
      }),
    )
    expect(checks.needsOverride).toBe(true)
    expect(checks.guard.ok).toBe(false)
    const v2 = await createAiVersion(team.scope, { apiId: api.id, version: 'v2', design: onlyFast })
    expect((await getPublishChecks(team.scope, { versionId: v2.versionId })).guard).toEqual({ ok: true })
  })
})
