import type { ConfigPlan } from './plan-api-changes'
import { differingFields } from './normal-forms'
import { aiConfigSchema, type AiConfig, type ConfigChange } from './schemas'

// The AI settings of the file against the team's. The export carries them (providers without
// their keys or headers, models, the routes of AI versions) so a diff shows them; applying them is
// the console's for now: a provider needs its key, which never travels in a file, and routes are
// part of an AI version's design. Any change to them is refused, so nothing half-applies.

type Keyed = { key: string; resource: ConfigChange['resource']; value: Record<string, unknown> }

function keyed(ai: AiConfig): Keyed[] {
  return [
    ...ai.providers.map((p) => ({ key: p.name, resource: 'ai_provider' as const, value: p })),
    ...ai.models.map((m) => ({ key: m.name, resource: 'ai_model' as const, value: m })),
    ...ai.routes.map((r) => ({ key: `${r.api} ${r.version} ${r.name}`, resource: 'ai_route' as const, value: r })),
  ]
}

export function planAiChanges(file: AiConfig | undefined, stored: unknown): ConfigPlan {
  const plan: ConfigPlan = { changes: [], writes: [], conflicts: [] }
  if (!file) return plan
  const current = new Map(keyed(aiConfigSchema.parse(stored)).map((item) => [`${item.resource}:${item.key}`, item]))
  for (const item of keyed(file)) {
    const was = current.get(`${item.resource}:${item.key}`)
    const fields = was ? differingFields(was.value, item.value) : []
    const change = !was ? 'create' : fields.length ? 'update' : 'unchanged'
    plan.changes.push({ resource: item.resource, name: item.key, change, ...(was ? { fields } : {}) })
    if (change !== 'unchanged') {
      plan.conflicts.push({
        name: item.key,
        reason: 'AI settings are changed in the console (a provider’s key never travels in a file)',
      })
    }
  }
  return plan
}
