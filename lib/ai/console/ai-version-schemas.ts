import { z } from 'zod'
import { versionLabelSchema } from '@/lib/apis/schemas'
import { idInput } from '@/lib/validation/ids'
import { modelNameSchema } from './schemas'

// An AI_CHAT version's design: the models it exposes, the default, and each model's route (an
// ordered fallback list of team models, or a weighted split). The form posts it as one JSON field,
// `design`; every problem lands on that field or on `defaultModel`.

export const MAX_EXPOSED_MODELS = 20
export const MAX_ROUTE_TARGETS = 10

const targetSchema = z.object({
  modelId: idInput('Choose a model'),
  weight: z
    .number()
    .int('Weights are whole numbers')
    .min(1, 'Weights are at least 1')
    .max(1000, 'Weights are at most 1000')
    .default(1),
})

const exposedModelSchema = z.object({
  name: modelNameSchema,
  strategy: z.enum(['FALLBACK', 'WEIGHTED']).default('FALLBACK'),
  targets: z
    .array(targetSchema)
    .min(1, 'Route each exposed model to at least one team model')
    .max(MAX_ROUTE_TARGETS, `At most ${MAX_ROUTE_TARGETS} models in one route`),
})

const designJson = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value
    try {
      return JSON.parse(value)
    } catch {
      return undefined
    }
  },
  z
    .object(
      {
        models: z
          .array(exposedModelSchema, { error: 'Add at least one exposed model' })
          .min(1, 'Add at least one exposed model')
          .max(MAX_EXPOSED_MODELS, `At most ${MAX_EXPOSED_MODELS} exposed models`),
        defaultModel: z.string().optional(),
      },
      { error: 'Add at least one exposed model' },
    )
    .superRefine((design, ctx) => {
      const names = design.models.map((m) => m.name.toLowerCase())
      const duplicate = names.find((name, i) => names.indexOf(name) !== i)
      if (duplicate) ctx.addIssue({ code: 'custom', message: `${duplicate} is exposed twice` })
      for (const model of design.models) {
        const ids = model.targets.map((t) => t.modelId)
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({ code: 'custom', message: `${model.name}'s route names the same model twice` })
      }
    }),
)

/** What the lib functions read: the design, with the default resolved to one of the exposed names. */
export type AiDesign = {
  models: { name: string; strategy: 'FALLBACK' | 'WEIGHTED'; targets: { modelId: string; weight: number }[] }[]
  defaultModel: string
}

const designFields = {
  design: designJson,
  defaultModel: z.string().trim().max(100).optional(),
}

function resolveDefault<
  T extends { design: { models: AiDesign['models']; defaultModel?: string }; defaultModel?: string },
>(value: T, ctx: z.RefinementCtx) {
  const wanted = value.defaultModel || value.design.defaultModel || value.design.models[0]?.name
  if (!value.design.models.some((m) => m.name === wanted))
    ctx.addIssue({ code: 'custom', path: ['defaultModel'], message: 'Choose one of the exposed models as the default' })
}

export const createAiVersionSchema = z
  .object({ apiId: idInput(), version: versionLabelSchema, ...designFields })
  .superRefine(resolveDefault)
export type CreateAiVersionInput = z.input<typeof createAiVersionSchema>

export const updateAiVersionSchema = z.object({ versionId: idInput(), ...designFields }).superRefine(resolveDefault)
export type UpdateAiVersionInput = z.input<typeof updateAiVersionSchema>

export function designOf(parsed: {
  design: { models: AiDesign['models']; defaultModel?: string }
  defaultModel?: string
}): AiDesign {
  return {
    models: parsed.design.models,
    defaultModel: parsed.defaultModel || parsed.design.defaultModel || parsed.design.models[0].name,
  }
}
