import type { TeamReadScope } from '@/lib/auth/actor'
import { microsToDecimal } from '@/lib/billing/money'
import { db, type Db, type Tx } from '@/lib/db'
import { planFormValues } from '@/lib/plans/plan-form-values'
import { readPromptConfigs } from './read-prompt-configs'
import { CONFIG_FORMAT, type AiConfigDocument, type ApiConfigDocument, type ConfigDocument } from './schemas'

// The team's config as the file states it, read in one place for the export and for a diff, so
// what `apply` compares against is exactly what `export` writes. No secret is ever selected: a
// provider's key and headers stay out of the file (they are set in the console).

/** The team's APIs in the file's shape, with the row ids a diff needs to change them. */
export type StoredApi = ApiConfigDocument & {
  id: string
  versionRows: Array<{ id: string; version: string; state: string }>
  planRows: Array<{ id: string; name: string }>
}

export async function readTeamApis({ teamId }: TeamReadScope, client: Db | Tx = db): Promise<StoredApi[]> {
  const apis = await client.api.findMany({
    where: { teamId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      kind: true,
      visibility: true,
      tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
      versions: {
        where: { teamId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          version: true,
          state: true,
          upstreamUrl: true,
          timeoutMs: true,
          openapi: true,
          openapiSource: true,
        },
      },
      plans: { where: { teamId, archivedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  })
  const prompts = await readPromptConfigs({ teamId }, client)
  return apis.map((api) => ({
    id: api.id,
    slug: api.slug,
    name: api.name,
    description: api.description,
    kind: api.kind,
    visibility: api.visibility,
    tags: api.tags.map((t) => t.tag),
    versions: api.versions.map((v) => ({
      version: v.version,
      status: v.state,
      ...(v.upstreamUrl ? { upstreamUrl: v.upstreamUrl } : {}),
      timeoutMs: v.timeoutMs,
      // As the author wrote it (a Swagger 2.0 text, not its conversion), so it applies back unchanged.
      ...(api.kind === 'REST' ? { openapi: v.openapiSource ?? v.openapi } : {}),
      ...(prompts.has(v.id) ? { prompt: prompts.get(v.id) } : {}),
    })),
    plans: api.plans.map((plan) => {
      const { id: _id, ...values } = planFormValues(plan)
      return { ...values, rateWindow: plan.rateWindow, approval: plan.approval }
    }),
    versionRows: api.versions.map(({ id, version, state }) => ({ id, version, state })),
    planRows: api.plans.map(({ id, name }) => ({ id, name })),
  }))
}

/** The team's AI settings in the file's shape, with the row ids a diff needs to change them. */
export type StoredAi = Required<AiConfigDocument> & {
  providerRows: Array<{ id: string; name: string; hasKey: boolean }>
  modelRows: Array<{ id: string; name: string }>
}

// By name, not by creation: rows an apply creates in one transaction share their timestamps, and a
// file must export in the same order whichever way its team was built.
export async function readTeamAi({ teamId }: TeamReadScope, client: Db | Tx = db): Promise<StoredAi> {
  const providers = await client.aiProvider.findMany({
    where: { teamId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, baseUrl: true, keyHint: true },
  })
  const providerNames = new Map(providers.map((p) => [p.id, p.name]))
  const models = await client.aiModel.findMany({ where: { teamId }, orderBy: { name: 'asc' } })
  const modelNames = new Map(models.map((m) => [m.id, m.name]))
  // A prompt version's route is part of its `prompt` block, not of ai.routes.
  const routes = await client.aiVersionModel.findMany({
    where: { teamId, version: { teamId, api: { kind: 'AI_CHAT' } } },
    select: {
      name: true,
      isDefault: true,
      strategy: true,
      version: { select: { version: true, api: { select: { slug: true } } } },
      targets: { orderBy: { position: 'asc' }, select: { modelId: true, weight: true } },
    },
  })
  const routeKey = (r: (typeof routes)[number]) => [r.version.api.slug, r.version.version, r.name]
  routes.sort((a, b) => compareKeys(routeKey(a), routeKey(b)))
  return {
    providers: providers.map(({ name, kind, baseUrl }) => ({ name, kind, baseUrl })),
    models: models.map((m) => ({
      name: m.name,
      provider: providerNames.get(m.providerId) ?? m.providerId,
      providerModel: m.providerModel,
      kind: m.kind,
      inputPricePerM: microsToDecimal(m.inputMicrosPerM),
      outputPricePerM: microsToDecimal(m.outputMicrosPerM),
      cachedInputPricePerM: m.cachedInputMicrosPerM === null ? null : microsToDecimal(m.cachedInputMicrosPerM),
      contextWindow: m.contextWindow,
      maxOutputTokens: m.maxOutputTokens,
    })),
    routes: routes.map((r) => ({
      api: r.version.api.slug,
      version: r.version.version,
      name: r.name,
      default: r.isDefault,
      strategy: r.strategy,
      targets: r.targets.map((t) => ({ model: modelNames.get(t.modelId) ?? t.modelId, weight: t.weight })),
    })),
    // The hint is set with the key and cleared with it: whether a key exists, without reading it.
    providerRows: providers.map(({ id, name, keyHint }) => ({ id, name, hasKey: keyHint !== null })),
    modelRows: models.map(({ id, name }) => ({ id, name })),
  }
}

function compareKeys(a: string[], b: string[]): number {
  for (const [index, part] of a.entries()) {
    if (part !== b[index]) return part < b[index] ? -1 : 1
  }
  return 0
}

/** The file `GET …/config` answers: the same shape `apply` takes. */
export async function readTeamConfig(scope: TeamReadScope): Promise<ConfigDocument> {
  const apis = await readTeamApis(scope)
  const { providerRows: _providers, modelRows: _models, ...ai } = await readTeamAi(scope)
  return {
    format: CONFIG_FORMAT,
    apis: apis.map(({ id: _id, versionRows: _v, planRows: _p, ...api }) => api),
    ...(ai.providers.length || ai.models.length || ai.routes.length ? { ai } : {}),
  }
}
