import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { updateApi } from '@/lib/apis/update-api'
import { updateDraftVersion } from '@/lib/apis/update-draft-version'
import type { Tx } from '@/lib/db'
import { createPlan } from '@/lib/plans/create-plan'
import { updatePlan } from '@/lib/plans/update-plan'
import { differingFields, normalApi, normalPlan, normalVersion } from './normal-forms'
import type { StoredApi } from './read-team-config'
import { apiConfigSchema, type ApiConfig, type ConfigChange } from './schemas'

// What applying the file's APIs would change, resource by resource, and the writes that make it
// so. Every write calls the console's own lib function inside the apply's transaction; an API
// created here hands its id to the versions and plans written after it.

/** One write, with where in the file it comes from (`apis.0.versions.1`), for its error's path. */
export type ConfigWrite = { at: string; run: (tx: Tx) => Promise<void> }
export type ConfigConflict = { name: string; reason: string }
export type ConfigPlan = { changes: ConfigChange[]; writes: ConfigWrite[]; conflicts: ConfigConflict[] }

/** `routed`: the versions (`orders v1`) whose AI routes the file states; planAiRoutes creates those. */
export function planApiChanges(
  scope: TeamScope,
  file: ApiConfig[],
  stored: StoredApi[],
  routed: Set<string> = new Set(),
): ConfigPlan {
  const plan: ConfigPlan = { changes: [], writes: [], conflicts: [] }
  const bySlug = new Map(stored.map((api) => [api.slug, api]))
  for (const [apiIndex, api] of file.entries()) {
    const at = `apis.${apiIndex}`
    const current = bySlug.get(api.slug)
    const ids = { apiId: current?.id ?? '' }
    const wanted = normalApi(api)
    if (!current) {
      plan.changes.push({ resource: 'api', name: api.slug, change: 'create' })
      plan.writes.push({
        at,
        run: async (tx) => {
          ids.apiId = (await createApi(scope, wanted, tx)).id
        },
      })
    } else {
      const was = normalApi(storedConfigOf(current))
      const fields = differingFields(was, wanted)
      if (fields.includes('kind'))
        plan.conflicts.push({ name: api.slug, reason: 'an API’s kind is fixed once created' })
      plan.changes.push({ resource: 'api', name: api.slug, change: fields.length ? 'update' : 'unchanged', fields })
      if (fields.length) {
        const { slug: _slug, kind: _kind, ...editable } = wanted
        plan.writes.push({
          at,
          run: async (tx) => {
            await updateApi(scope, { apiId: current.id, ...editable }, tx)
            await recordAuditChange(
              { action: 'api.update', targetType: 'api', targetId: current.id, before: was, after: wanted },
              tx,
            )
          },
        })
      }
    }
    planVersions(scope, plan, { api, at, current, ids, routed })
    planPlans(scope, plan, { api, at, current, ids, routed })
  }
  return plan
}

type ApiPlanContext = {
  api: ApiConfig
  at: string
  current: StoredApi | undefined
  ids: { apiId: string }
  routed: Set<string>
}

function planVersions(scope: TeamScope, plan: ConfigPlan, { api, at, current, ids, routed }: ApiPlanContext) {
  const kind = current?.kind ?? api.kind ?? 'REST'
  // A prompt version is its prompt: planPromptVersions saves it.
  if (kind === 'AI_PROMPT') return
  const storedVersions = current ? storedConfigOf(current).versions : []
  for (const [versionIndex, version] of api.versions.entries()) {
    const versionAt = `${at}.versions.${versionIndex}`
    const name = `${api.slug} ${version.version}`
    const index = storedVersions.findIndex((v) => v.version === version.version)
    const row = index >= 0 ? current!.versionRows[index] : undefined
    const wanted = normalVersion(version)
    if (!row) {
      plan.changes.push({ resource: 'version', name, change: 'create' })
      // A new AI chat version is its routes: planAiRoutes saves it with them.
      if (kind === 'AI_CHAT' && routed.has(name)) continue
      if (kind === 'AI_CHAT')
        plan.conflicts.push({ name, reason: 'a new AI chat version needs its routes in ai.routes' })
      else if (kind !== 'REST')
        plan.conflicts.push({ name, reason: 'an AI version is designed in the console, not uploaded' })
      else if (!version.openapi) plan.conflicts.push({ name, reason: 'a new REST version needs its openapi contract' })
      else
        plan.writes.push({
          at: versionAt,
          run: async (tx) => {
            await createVersion(scope, { apiId: ids.apiId, ...wanted, openapi: version.openapi! }, tx)
          },
        })
      continue
    }
    const was = normalVersion(storedVersions[index])
    // An AI version's contract is generated: the file carries none, so only its other fields compare.
    if (kind !== 'REST' || version.openapi === undefined) delete (wanted as { openapi?: string }).openapi
    const fields = differingFields(was, wanted).filter(
      (field) => !(field === 'openapi' && wanted.openapi === undefined),
    )
    plan.changes.push({ resource: 'version', name, change: fields.length ? 'update' : 'unchanged', fields })
    if (!fields.length) continue
    if (row.state !== 'DRAFT') {
      plan.conflicts.push({ name, reason: `it is ${row.state.toLowerCase()}, and a published contract never changes` })
    } else if (kind !== 'REST') {
      plan.conflicts.push({ name, reason: 'an AI version is designed in the console, not uploaded' })
    } else {
      plan.writes.push({
        at: versionAt,
        run: async (tx) => {
          await updateDraftVersion(scope, { versionId: row.id, ...wanted }, tx)
          const { openapi: _before, ...before } = was
          const { openapi: _after, ...after } = wanted
          const contract = fields.includes('openapi') ? { contractChanged: true } : {}
          await recordAuditChange(
            {
              action: 'version.update',
              targetType: 'version',
              targetId: row.id,
              before,
              after: { ...after, ...contract },
            },
            tx,
          )
        },
      })
    }
  }
}

function planPlans(scope: TeamScope, plan: ConfigPlan, { api, at, current, ids }: ApiPlanContext) {
  const storedPlans = current ? storedConfigOf(current).plans : []
  for (const [planIndex, entry] of api.plans.entries()) {
    const planAt = `${at}.plans.${planIndex}`
    const name = `${api.slug}/${entry.name}`
    const index = storedPlans.findIndex((p) => p.name === entry.name)
    const wanted = normalPlan(entry)
    if (index < 0) {
      plan.changes.push({ resource: 'plan', name, change: 'create' })
      plan.writes.push({
        at: planAt,
        run: async (tx) => {
          await createPlan(scope, { apiId: ids.apiId, ...wanted }, tx)
        },
      })
      continue
    }
    const was = normalPlan(storedPlans[index])
    const fields = differingFields(was, wanted)
    plan.changes.push({ resource: 'plan', name, change: fields.length ? 'update' : 'unchanged', fields })
    if (!fields.length) continue
    const planId = current!.planRows[index].id
    plan.writes.push({
      at: planAt,
      run: async (tx) => {
        await updatePlan(scope, { planId, ...wanted }, tx)
        await recordAuditChange(
          { action: 'plan.update', targetType: 'plan', targetId: planId, before: was, after: wanted },
          tx,
        )
      },
    })
  }
}

/** The stored API as the file would state it, through the same schema (prices as micros). */
function storedConfigOf({ id: _id, versionRows: _versions, planRows: _plans, ...api }: StoredApi): ApiConfig {
  return apiConfigSchema.parse(api)
}
