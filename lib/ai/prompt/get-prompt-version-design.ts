import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { createRefResolver } from '@/lib/openapi/ref-resolver'
import { flatFieldsOf, type FlatField } from '@/lib/try-it/flat-object-form'
import { variableSchema } from './build-prompt-contract'
import { promptDesignFromRow, type PromptDesign, type PromptVariable } from './prompt-schemas'

/** A saved prompt version as its design form shows it. */
export type PromptVersionDesign = PromptDesign & {
  /** The picker entry it was saved from: `model:<id>` or `route:<id>`; '' when that route is gone. */
  choice: string
  /** What it runs on, in order, for the read-only view: "house-gpt, house-mini". */
  runsOn: string[]
  /** The variables as the playground's inputs: the same fields try-it generates from the contract. */
  fields: FlatField[]
}

/** A version's template and model choice; null for a version that is not this team's prompt version. */
export async function getPromptVersionDesign(
  { teamId }: TeamReadScope,
  { versionId }: { versionId: string },
): Promise<PromptVersionDesign | null> {
  const [template, route] = await Promise.all([
    db.aiPromptTemplate.findFirst({ where: { versionId, teamId } }),
    db.aiVersionModel.findFirst({
      where: { versionId, teamId },
      select: {
        name: true,
        targets: { orderBy: { position: 'asc' }, select: { modelId: true, model: { select: { name: true } } } },
      },
    }),
  ])
  if (!template) return null
  const targetIds = route?.targets.map((t) => t.modelId) ?? []
  const design = promptDesignFromRow(template)
  return {
    ...design,
    fields: fieldsOf(design.variables),
    choice: route ? await choiceOf(teamId, route.name, targetIds, route.targets[0]?.model.name) : '',
    runsOn: route?.targets.map((t) => t.model.name) ?? [],
  }
}

/**
 * The route was saved as a copy (a later edit of the AI_CHAT route must not change the prompt), so
 * the picker entry is found again by shape: one target named like its model is that model;
 * otherwise the AI_CHAT route of the same name with the same targets in the same order.
 */
async function choiceOf(teamId: string, name: string, targetIds: string[], firstModelName?: string) {
  if (targetIds.length === 1 && name === firstModelName) return `model:${targetIds[0]}`
  const candidates = await db.aiVersionModel.findMany({
    where: { teamId, name, version: { teamId, api: { kind: 'AI_CHAT' } } },
    select: { id: true, targets: { orderBy: { position: 'asc' }, select: { modelId: true } } },
    take: 50,
  })
  const same = candidates.find((c) => c.targets.map((t) => t.modelId).join() === targetIds.join())
  return same ? `route:${same.id}` : ''
}

function fieldsOf(variables: PromptVariable[]): FlatField[] {
  const schema = {
    type: 'object',
    properties: Object.fromEntries(variables.map((v) => [v.name, variableSchema(v)])),
    required: variables.filter((v) => v.required).map((v) => v.name),
  }
  return flatFieldsOf(schema, createRefResolver(schema)) ?? []
}
