import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { createAiVersion } from '@/lib/ai/console/save-ai-version'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { db } from '@/lib/db'
import { createPlan } from '@/lib/plans/create-plan'
import { applied, exportConfig, post, teamWithToken, type Diff } from './testing/config-fixture'
import { PETS, setupManagementWorld } from './testing/management-fixture'

// `?prune=true`: apply also removes what the file leaves out, the console's way, or refuses
// (409 config_conflict naming each) and writes nothing. Without it, apply never deletes.

const setup = setupManagementWorld()

/** Everything a prune could touch in a team. */
async function stateOf(teamId: string) {
  const order = { orderBy: { id: 'asc' as const } }
  return {
    apis: await db.api.findMany({ where: { teamId }, ...order }),
    versions: await db.apiVersion.findMany({ where: { teamId }, ...order }),
    plans: await db.plan.findMany({ where: { teamId }, ...order }),
    providers: await db.aiProvider.findMany({ where: { teamId }, ...order }),
    models: await db.aiModel.findMany({ where: { teamId }, ...order }),
    routes: await db.aiVersionModel.findMany({ where: { teamId }, ...order }),
    audit: await db.auditEntry.count({ where: { teamId } }),
  }
}

/** keep (drafts v1, v2; plans Free, Pro), gone (a draft and a plan), and chat routing r1→m1, r2→m2. */
async function seedTeam() {
  const owner = await teamWithToken('prune', { grantAi: true })
  const scope = owner.team.scope
  const upstreamUrl = setup.upstreamUrl
  const keep = await createApi(scope, { name: 'Keep', slug: 'keep' })
  for (const version of ['v1', 'v2'])
    await createVersion(scope, { apiId: keep.id, version, upstreamUrl, openapi: PETS })
  for (const name of ['Free', 'Pro']) await createPlan(scope, { apiId: keep.id, name })
  const gone = await createApi(scope, { name: 'Gone', slug: 'gone' })
  await createVersion(scope, { apiId: gone.id, version: 'v1', upstreamUrl, openapi: PETS })
  await createPlan(scope, { apiId: gone.id, name: 'Free' })
  const base = { kind: 'OLLAMA' as const, baseUrl: 'http://127.0.0.1:11434' }
  const models = []
  for (const n of [1, 2]) {
    const provider = await createProvider(scope, { name: `p${n}`, ...base })
    const price = { inputPrice: '1', outputPrice: '2', contextWindow: '8000', maxOutputTokens: '500' }
    models.push(await createModel(scope, { providerId: provider.id, name: `m${n}`, providerModel: `m${n}`, ...price }))
  }
  const chat = await createApi(scope, { name: 'Chat', slug: 'chat', kind: 'AI_CHAT' })
  await createAiVersion(scope, {
    apiId: chat.id,
    version: 'v1',
    design: { models: models.map((m, i) => ({ name: `r${i + 1}`, targets: [{ modelId: m.id }] })) },
  })
  return owner
}

type Named = { name: string }
type Document = {
  apis: Array<{ slug: string; versions: Array<{ version: string }>; plans: Named[] }>
  ai: { providers: Named[]; models: Named[]; routes: Named[] }
}

/** The export without gone, keep v2, keep/Pro, route r2, model m2 and provider p2. */
function trimmed(file: string): string {
  const document = parse(file) as Document
  document.apis = document.apis.filter((api) => api.slug !== 'gone')
  const keep = document.apis.find((api) => api.slug === 'keep')!
  keep.versions = keep.versions.filter((v) => v.version !== 'v2')
  keep.plans = keep.plans.filter((p) => p.name !== 'Pro')
  document.ai.routes = document.ai.routes.filter((r) => r.name !== 'r2')
  document.ai.models = document.ai.models.filter((m) => m.name !== 'm2')
  document.ai.providers = document.ai.providers.filter((p) => p.name !== 'p2')
  return stringify(document)
}

describe('prune', () => {
  test('without prune nothing is deleted; with it the diff lists each delete and apply makes them', async () => {
    const { team, token } = await seedTeam()
    const file = trimmed(await exportConfig(team, token))
    const before = await stateOf(team.id)
    const plain = (await (await post('diff', team, token, file)).json()) as Diff
    expect(plain.summary.delete).toBe(0)
    expect(await applied(team, token, file)).toMatchObject({ applied: false })
    expect(await stateOf(team.id)).toEqual(before)

    const response = await post('diff', team, token, file, '?prune=true')
    expect(response.status, await response.clone().text()).toBe(200)
    const diff = (await response.json()) as Diff
    expect(diff.changes.filter((c) => c.change === 'delete').map((c) => `${c.resource} ${c.name}`)).toEqual([
      'ai_route chat v1 r2',
      'version keep v2',
      'plan keep/Pro',
      'api gone',
      'ai_model m2',
      'ai_provider p2',
    ])
    expect(await stateOf(team.id)).toEqual(before)

    const pruned = (await (await post('apply', team, token, file, '?prune=true')).json()) as Diff
    expect(pruned).toMatchObject({ applied: true, summary: diff.summary })
    expect(parse(await exportConfig(team, token))).toEqual(parse(file))
    // The plan is archived, the console's way, not deleted: its subscriptions keep it.
    const pro = await db.plan.findFirstOrThrow({ where: { teamId: team.id, name: 'Pro' } })
    expect(pro.archivedAt).not.toBeNull()
    const after = await stateOf(team.id)
    expect(await applied(team, token, file)).toMatchObject({ applied: false })
    expect((await (await post('apply', team, token, file, '?prune=true')).json()) as Diff).toMatchObject({
      applied: false,
    })
    expect(await stateOf(team.id)).toEqual(after)
  })

  test('what cannot go (a published version, a model a remaining route uses) is 409 naming each; nothing applies', async () => {
    const { team, token } = await seedTeam()
    const document = parse(await exportConfig(team, token)) as Document
    await db.apiVersion.updateMany({
      where: { teamId: team.id, version: 'v1', api: { slug: 'gone' } },
      data: { state: 'PUBLISHED', publishedAt: new Date() },
    })
    document.apis = document.apis.filter((api) => api.slug !== 'gone')
    document.ai.models = document.ai.models.filter((m) => m.name !== 'm1')
    document.apis.find((api) => api.slug === 'keep')!.plans = []
    const before = await stateOf(team.id)
    const response = await post('apply', team, token, stringify(document), '?prune=true')
    expect(response.status, await response.clone().text()).toBe(409)
    const problem = (await response.json()) as { code: string; errors: Record<string, string[]> }
    expect(problem.code).toBe('config_conflict')
    expect(Object.keys(problem.errors).sort()).toEqual(['gone', 'm1'])
    expect(await stateOf(team.id)).toEqual(before)
  })

  test('a prune value other than true or false is 422', async () => {
    const { team, token } = await seedTeam()
    const response = await post('diff', team, token, 'format: tollgate/v1', '?prune=yes')
    expect(response.status).toBe(422)
  })
})
