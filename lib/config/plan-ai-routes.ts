import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { createAiVersion, updateAiVersion } from '@/lib/ai/console/save-ai-version'
import type { Tx } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import { differingFields, normalRoute } from './normal-forms'
import { changeOf } from './plan-ai-changes'
import type { ConfigPlan } from './plan-api-changes'
import type { StoredAi, StoredApi } from './read-team-config'
import type { AiRouteConfig, ConfigFile } from './schemas'

// An AI chat version's routes are its design: the console saves them all at once and generates the
// version's contract from them (save-ai-version). So the file's routes are grouped by version, and
// a version whose routes change is saved whole: created as a draft when the file adds the version,
// rewritten when it is a draft, refused when it is published (its routes are part of its contract).
// A route the team has and the file leaves out stays in the design, unless the apply prunes.

type Route = AiRouteConfig | StoredAi['routes'][number]

const versionKey = (route: { api: string; version: string }) => `${route.api} ${route.version}`

function byVersion<T extends Route>(routes: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const route of routes) groups.set(versionKey(route), [...(groups.get(versionKey(route)) ?? []), route])
  return groups
}

/** The versions (`orders v1`) whose routes the file states: planApiChanges leaves their creation to this plan. */
export function routedVersions(file: ConfigFile): Set<string> {
  return new Set((file.ai?.routes ?? []).map(versionKey))
}

export function planAiRoutes(
  scope: TeamScope,
  file: ConfigFile,
  { apis, ai, prune }: { apis: StoredApi[]; ai: StoredAi; prune: boolean },
): ConfigPlan {
  const plan: ConfigPlan = { changes: [], writes: [], conflicts: [] }
  if (!file.ai) return plan
  const stored = byVersion(ai.routes)
  const indexOf = new Map(file.ai.routes.map((route, index) => [route, index]))
  for (const [key, routes] of byVersion(file.ai.routes)) {
    const current = stored.get(key) ?? []
    let changed = false
    for (const route of routes) {
      const was = current.find((r) => r.name === route.name)
      const fields = was ? differingFields(normalRoute(was as AiRouteConfig), normalRoute(route)) : []
      changed ||= !was || fields.length > 0
      plan.changes.push(changeOf('ai_route', `${key} ${route.name}`, Boolean(was), fields))
    }
    const left = current.filter((r) => !routes.some((f) => f.name === r.name))
    if (prune)
      for (const route of left)
        plan.changes.push({ resource: 'ai_route', name: `${key} ${route.name}`, change: 'delete' })
    if (!changed && !(prune && left.length)) continue
    const [{ api, version }] = routes
    const design = prune ? routes : [...routes, ...left]
    const target = versionToSave(file, apis, api, version)
    if ('conflict' in target) {
      plan.conflicts.push({ name: key, reason: target.conflict })
      continue
    }
    plan.writes.push({
      at: `ai.routes.${indexOf.get(routes[0])}`,
      run: async (tx) => {
        const input = { design: await designOf(scope, design, tx) }
        const saved = target.versionId
          ? await updateAiVersion(scope, { ...input, versionId: target.versionId }, tx)
          : await createAiVersion(scope, { ...input, apiId: await apiIdOf(scope, api, tx), version }, tx)
        await recordAuditChange(
          {
            action: saved.created ? 'version.create' : 'version.update',
            targetType: 'version',
            targetId: saved.versionId,
            after: { version, routes: design.map((r) => ({ name: r.name, ...normalRoute(r as AiRouteConfig) })) },
          },
          tx,
        )
      },
    })
  }
  return plan
}

/** The version whose design the routes save: an existing draft, or one the file adds. */
function versionToSave(
  file: ConfigFile,
  apis: StoredApi[],
  slug: string,
  version: string,
): { versionId?: string } | { conflict: string } {
  const storedApi = apis.find((a) => a.slug === slug)
  const fileApi = file.apis.find((a) => a.slug === slug)
  const kind = storedApi?.kind ?? fileApi?.kind ?? 'REST'
  if (kind !== 'AI_CHAT') return { conflict: 'only an AI chat API’s versions have routes' }
  const row = storedApi?.versionRows.find((v) => v.version === version)
  if (row && row.state !== 'DRAFT')
    return { conflict: `it is ${row.state.toLowerCase()}, and a published version’s routes never change` }
  if (row) return { versionId: row.id }
  if (!fileApi?.versions.some((v) => v.version === version))
    return { conflict: 'the routes name a version that neither the file nor the team has' }
  return {}
}

/** The console's design: each route's targets by model id, the default the route marked so. */
async function designOf({ teamId }: TeamScope, routes: Route[], tx: Tx) {
  const names = [...new Set(routes.flatMap((r) => r.targets.map((t) => t.model)))]
  const models = await tx.aiModel.findMany({ where: { teamId, name: { in: names } }, select: { id: true, name: true } })
  const idOf = new Map(models.map((m) => [m.name, m.id]))
  const unknown = names.filter((name) => !idOf.has(name))
  if (unknown.length) throw invalid(`Route only to the team’s models: ${unknown.join(', ')} is not one`)
  return {
    models: routes.map((route) => {
      const { strategy, targets } = normalRoute(route as AiRouteConfig)
      return {
        name: route.name,
        strategy,
        targets: targets.map((t) => ({ modelId: idOf.get(t.model)!, weight: t.weight })),
      }
    }),
    defaultModel: (routes.find((r) => r.default) ?? routes[0]).name,
  }
}

export async function apiIdOf({ teamId }: TeamScope, slug: string, tx: Tx): Promise<string> {
  const api = await tx.api.findFirst({ where: { teamId, slug }, select: { id: true } })
  if (!api) throw notFound(`API ${slug}`)
  return api.id
}
