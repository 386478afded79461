import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { deleteModel } from '@/lib/ai/console/delete-model'
import { deleteProvider } from '@/lib/ai/console/delete-provider'
import { deleteApi } from '@/lib/apis/delete-api'
import { deleteDraftVersion } from '@/lib/apis/delete-draft-version'
import { db, type Db, type Tx } from '@/lib/db'
import { archivePlan } from '@/lib/plans/archive-plan'
import { LIVE_STATES } from '@/lib/subscriptions/schemas'
import type { ConfigPlan } from './plan-api-changes'
import type { StoredAi, StoredApi } from './read-team-config'
import type { ConfigFile } from './schemas'

// `prune`: what the file leaves out goes, the way the console removes it: a draft version is
// deleted, a plan archived (its subscriptions keep it), an API deleted when nothing serves and
// nobody is subscribed, AI models and providers deleted when nothing routes to them. The AI part
// is pruned only when the file states `ai:` at all. Whatever cannot go (a published contract, a
// live subscription, a model a remaining route uses) is a conflict, and the apply writes nothing.

const SERVING = new Set(['PUBLISHED', 'DEPRECATED'])

/** Live (pending, active, suspended) subscriptions by API: an API with any cannot be pruned. */
export async function readLiveSubscriptions({ teamId }: TeamScope, client: Db | Tx = db): Promise<Map<string, number>> {
  const rows = await client.subscription.groupBy({
    by: ['apiId'],
    where: { ownerTeamId: teamId, state: { in: [...LIVE_STATES] } },
    _count: { _all: true },
  })
  return new Map(rows.map((row) => [row.apiId, row._count._all]))
}

type PruneInput = { file: ConfigFile; apis: StoredApi[]; ai: StoredAi; live: Map<string, number> }

export function planPrune(scope: TeamScope, { file, apis, ai, live }: PruneInput): ConfigPlan & { gone: Set<string> } {
  const plan: ConfigPlan = { changes: [], writes: [], conflicts: [] }
  /** The versions (`orders v1`) this prune deletes, with their routes. */
  const gone = new Set<string>()
  const drop = (resource: 'api' | 'version' | 'plan' | 'ai_model' | 'ai_provider', name: string) =>
    plan.changes.push({ resource, name, change: 'delete' })
  for (const api of apis) {
    const wanted = file.apis.find((a) => a.slug === api.slug)
    if (!wanted) {
      drop('api', api.slug)
      const serving = api.versionRows.filter((v) => SERVING.has(v.state)).map((v) => v.version)
      if (serving.length)
        plan.conflicts.push({ name: api.slug, reason: `${serving.join(', ')} still serve: retire them first` })
      else if (live.get(api.id))
        plan.conflicts.push({ name: api.slug, reason: `${live.get(api.id)} live subscriptions: end them first` })
      else
        plan.writes.push({
          at: `apis`,
          run: async (tx) => {
            await deleteApi(scope, { apiId: api.id }, tx)
            await recordAuditChange(
              { action: 'api.delete', targetType: 'api', targetId: api.id, before: { slug: api.slug } },
              tx,
            )
          },
        })
      for (const version of api.versionRows) gone.add(`${api.slug} ${version.version}`)
      continue
    }
    for (const version of api.versionRows) {
      if (wanted.versions.some((v) => v.version === version.version)) continue
      const name = `${api.slug} ${version.version}`
      drop('version', name)
      gone.add(name)
      if (version.state !== 'DRAFT')
        plan.conflicts.push({ name, reason: `it is ${version.state.toLowerCase()}: only a draft is ever deleted` })
      else
        plan.writes.push({ at: `apis`, run: (tx) => deleteDraftVersion(scope, { versionId: version.id }, tx).then() })
    }
    for (const row of api.planRows) {
      if (wanted.plans.some((p) => p.name === row.name)) continue
      drop('plan', `${api.slug}/${row.name}`)
      plan.writes.push({
        at: `apis`,
        run: async (tx) => {
          await archivePlan(scope, { planId: row.id }, new Date(), tx)
          await recordAuditChange({ action: 'plan.archive', targetType: 'plan', targetId: row.id }, tx)
        },
      })
    }
  }
  if (file.ai) pruneAi(scope, plan, { file, apis, ai, gone })
  return { ...plan, gone }
}

function pruneAi(
  scope: TeamScope,
  plan: ConfigPlan,
  { file, apis, ai, gone }: { file: ConfigFile; apis: StoredApi[]; ai: StoredAi; gone: Set<string> },
) {
  const fileAi = file.ai!
  const statedVersions = new Set(fileAi.routes.map((r) => `${r.api} ${r.version}`))
  // The routes left after the apply: the file's, and the team's on versions the file states none for.
  const remaining = [
    ...fileAi.routes,
    ...ai.routes.filter((r) => !statedVersions.has(`${r.api} ${r.version}`) && !gone.has(`${r.api} ${r.version}`)),
  ]
  const prompts = promptRoutesOf(file, apis, remaining)
  remaining.push(...prompts)
  const used = new Set(remaining.flatMap((r) => r.targets.map((t) => t.model)))
  const unrouted = new Set(
    ai.routes.map((r) => `${r.api} ${r.version}`).filter((key) => !statedVersions.has(key) && !gone.has(key)),
  )
  for (const name of unrouted)
    plan.conflicts.push({ name, reason: 'the file states none of its AI routes, and an AI chat version keeps one' })
  for (const model of ai.modelRows) {
    if (fileAi.models.some((m) => m.name === model.name)) continue
    plan.changes.push({ resource: 'ai_model', name: model.name, change: 'delete' })
    if (used.has(model.name)) {
      const where = remaining
        .filter((r) => r.targets.some((t) => t.model === model.name))
        .map((r) => `${r.api} ${r.version}`)
      plan.conflicts.push({ name: model.name, reason: `it is routed to by ${[...new Set(where)].join(', ')}` })
    } else
      plan.writes.push({
        at: 'ai.models',
        run: async (tx) => {
          await deleteModel(scope, { modelId: model.id }, tx)
          await recordAuditChange(
            { action: 'ai_model.delete', targetType: 'ai_model', targetId: model.id, before: { name: model.name } },
            tx,
          )
        },
      })
  }
  const remainingModels = fileAi.models
  for (const provider of ai.providerRows) {
    if (fileAi.providers.some((p) => p.name === provider.name)) continue
    plan.changes.push({ resource: 'ai_provider', name: provider.name, change: 'delete' })
    const models = remainingModels.filter((m) => m.provider === provider.name).map((m) => m.name)
    if (models.length) plan.conflicts.push({ name: provider.name, reason: `the models ${models.join(', ')} use it` })
    else
      plan.writes.push({
        at: 'ai.providers',
        run: async (tx) => {
          await deleteProvider(scope, { providerId: provider.id }, tx)
          await recordAuditChange(
            {
              action: 'ai_provider.delete',
              targetType: 'ai_provider',
              targetId: provider.id,
              before: { name: provider.name },
            },
            tx,
          )
        },
      })
  }
}

type RemainingRoute = { api: string; version: string; name: string; targets: Array<{ model: string }> }

/**
 * What the prompt versions left after a prune run on, as routes: after it, a prompt API's versions
 * are the file's, each with the file's prompt or else the team's. Their models cannot go.
 */
function promptRoutesOf(file: ConfigFile, apis: StoredApi[], routes: RemainingRoute[]): RemainingRoute[] {
  return file.apis.flatMap((api) =>
    api.versions.flatMap((version) => {
      const stored = apis.find((a) => a.slug === api.slug)?.versions?.find((v) => v.version === version.version)
      const prompt = version.prompt ?? stored?.prompt
      if (!prompt) return []
      const at = { api: api.slug, version: version.version }
      if (prompt.model !== undefined) return [{ ...at, name: prompt.model, targets: [{ model: prompt.model }] }]
      const route = routes.find((r) => `${r.api}/${r.version}/${r.name}` === prompt.chatRoute)
      return route ? [{ ...at, name: route.name, targets: route.targets }] : []
    }),
  )
}
