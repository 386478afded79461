import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { updateModel } from '@/lib/ai/console/update-model'
import { updateProvider } from '@/lib/ai/console/update-provider'
import type { Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { differingFields, normalModel, normalProvider } from './normal-forms'
import type { ConfigPlan } from './plan-api-changes'
import type { StoredAi } from './read-team-config'
import type { AiConfig, AiModelConfig, ConfigChange } from './schemas'

// The file's AI providers and models against the team's, written through the console's own
// functions in the apply's transaction. A provider's key never travels in a file: one the file
// creates is keyless (as the console allows, for servers such as Ollama) and the answer names it
// under `needsKey` until its key is set in the console or through PATCH …/ai/providers/{id}.

export function planAiChanges(scope: TeamScope, file: AiConfig | undefined, stored: StoredAi): ConfigPlan {
  const plan: ConfigPlan = { changes: [], writes: [], conflicts: [] }
  if (!file) return plan
  for (const [index, provider] of file.providers.entries()) {
    const row = stored.providerRows.find((p) => p.name === provider.name)
    const wanted = normalProvider(provider)
    const was = stored.providers.find((p) => p.name === provider.name)
    const fields = was ? differingFields(normalProvider(was), wanted) : []
    plan.changes.push(changeOf('ai_provider', provider.name, Boolean(row), fields))
    if (row && !fields.length) continue
    plan.writes.push({
      at: `ai.providers.${index}`,
      run: async (tx) => {
        const saved = row
          ? await updateProvider(scope, { providerId: row.id, kind: wanted.kind, baseUrl: wanted.baseUrl }, tx)
          : await createProvider(scope, wanted, tx)
        const action = row ? 'ai_provider.update' : 'ai_provider.create'
        await recordAuditChange(
          { action, targetType: 'ai_provider', targetId: saved.id, before: was, after: wanted },
          tx,
        )
      },
    })
  }
  for (const [index, model] of file.models.entries()) {
    const row = stored.modelRows.find((m) => m.name === model.name)
    const was = stored.models.find((m) => m.name === model.name)
    const wanted = normalModel(model)
    const fields = was ? differingFields(normalModel(was as AiModelConfig), wanted) : []
    plan.changes.push(changeOf('ai_model', model.name, Boolean(row), fields))
    if (row && !fields.length) continue
    plan.writes.push({
      at: `ai.models.${index}`,
      run: async (tx) => {
        const input = { ...modelInputOf(wanted), providerId: await providerIdOf(scope, wanted.provider, tx) }
        const saved = row
          ? await updateModel(scope, { ...input, modelId: row.id }, tx)
          : await createModel(scope, { ...input, cachedInputPrice: input.cachedInputPrice ?? undefined }, tx)
        const action = row ? 'ai_model.update' : 'ai_model.create'
        await recordAuditChange({ action, targetType: 'ai_model', targetId: saved.id, before: was, after: wanted }, tx)
      },
    })
  }
  return plan
}

/** One resource's entry in the diff: created when the team has none of that name, else what differs. */
export function changeOf(
  resource: ConfigChange['resource'],
  name: string,
  exists: boolean,
  fields: string[],
): ConfigChange {
  if (!exists) return { resource, name, change: 'create' }
  return { resource, name, change: fields.length ? 'update' : 'unchanged', fields }
}

/** The file's providers that will have no key after the apply: every call through them goes without one. */
export function providersWithoutKey(file: AiConfig | undefined, stored: StoredAi): string[] {
  const keyed = new Set(stored.providerRows.filter((p) => p.hasKey).map((p) => p.name))
  return (file?.providers ?? []).map((p) => p.name).filter((name) => !keyed.has(name))
}

function modelInputOf(model: ReturnType<typeof normalModel>) {
  return {
    name: model.name,
    providerModel: model.providerModel,
    kind: model.kind,
    inputPrice: model.inputPricePerM,
    outputPrice: model.outputPricePerM,
    cachedInputPrice: model.cachedInputPricePerM,
    contextWindow: model.contextWindow,
    maxOutputTokens: model.maxOutputTokens,
  }
}

/** A provider named in the file: one of the team's, possibly created earlier in this apply. */
async function providerIdOf({ teamId }: TeamScope, name: string, tx: Tx): Promise<string> {
  const row = await tx.aiProvider.findFirst({ where: { teamId, name }, select: { id: true } })
  if (!row) throw notFound(`Provider ${name}`)
  return row.id
}
