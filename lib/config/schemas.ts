import { z } from 'zod'
import { AI_MODEL_KINDS, AI_PROVIDER_KINDS } from '@/lib/ai/console/kinds'
import { updatePromptVersionSchema } from '@/lib/ai/prompt/prompt-schemas'
import { createApiSchema, createVersionSchema, tagsSchema } from '@/lib/apis/schemas'
import { createPlanSchema } from '@/lib/plans/schemas'

// The declarative config file (APIOps, as decK does it): a team's APIs with their versions and
// plans, and its AI settings, as YAML. Each part reuses the console's own schema, so a file is
// held to exactly the rules a form is. Keys are natural (API slug, version label, plan name,
// provider and model name), never ids, so one file applies to any team.

export const CONFIG_FORMAT = 'tollgate/v1'

const VERSION_STATES = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED'] as const

// A price in a YAML file may be written as a number (0.002) as well as the string the export writes.
const priceText = (value: unknown) => (typeof value === 'number' ? String(value) : value)

const versionFields = createVersionSchema.omit({ apiId: true }).shape

// Stands in for the ids the console's prompt schema checks: the file names a model or a route by
// name, and apply resolves it in the team when it saves the version.
const NAMED = 'named-in-file'

/**
 * An AI_PROMPT version's prompt: the console's design fields (same names, same rules, through
 * updatePromptVersionSchema itself) with what it runs on by name: `model` (a team chat model) or
 * `chatRoute` (`api/version/route` of an AI chat version, copied with its fallbacks).
 */
export const promptConfigSchema = z
  .strictObject({
    systemTemplate: z.string().default(''),
    userTemplate: z.string(),
    variables: z.array(z.unknown()).default([]),
    outputSchema: z.record(z.string(), z.unknown()).nullable().default(null),
    temperature: z.number().nullable().default(null),
    maxOutputTokens: z.number().int().nullable().default(null),
    model: z.string().min(1).optional(),
    chatRoute: z.string().min(1).optional(),
  })
  .transform(({ model, chatRoute, ...design }, ctx) => {
    const parsed = updatePromptVersionSchema.safeParse({
      versionId: NAMED,
      ...design,
      modelId: model === undefined ? undefined : NAMED,
      chatRouteId: chatRoute === undefined ? undefined : NAMED,
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, ...rest] = issue.path
        const path = field === 'modelId' || field === 'chatRouteId' ? ['model'] : [field, ...rest]
        ctx.addIssue({ code: 'custom', path: path.map(String), message: issue.message })
      }
      return z.NEVER
    }
    const { versionId: _v, modelId: _m, chatRouteId: _c, ...rules } = parsed.data
    return {
      ...rules,
      temperature: rules.temperature ?? null,
      maxOutputTokens: rules.maxOutputTokens ?? null,
      ...(model === undefined ? {} : { model }),
      ...(chatRoute === undefined ? {} : { chatRoute }),
    }
  })

export const versionConfigSchema = z.strictObject({
  version: versionFields.version,
  /** Exported for reading; lifecycle transitions go through publish, deprecate and retire. */
  status: z.enum(VERSION_STATES).optional(),
  // An AI version routes to providers, not to an upstream: the file carries none for it.
  upstreamUrl: versionFields.upstreamUrl.optional(),
  timeoutMs: versionFields.timeoutMs,
  // An AI version's contract is generated from its design, so only REST versions carry one.
  openapi: versionFields.openapi.optional(),
  /** AI_PROMPT versions: the prompt the version's contract is generated from. */
  prompt: promptConfigSchema.optional(),
})

const planFields = createPlanSchema.omit({ apiId: true }).shape

export const planConfigSchema = z.strictObject({
  ...planFields,
  pricePerCall: z.preprocess(priceText, planFields.pricePerCall),
  pricePerMInput: z.preprocess(priceText, planFields.pricePerMInput),
  pricePerMOutput: z.preprocess(priceText, planFields.pricePerMOutput),
})

const apiFields = createApiSchema.shape

/** Adds an issue at `path.<index>.<field>` for every entry whose key an earlier one already has. */
function uniqueBy<T>(items: T[], keyOf: (item: T) => string, field: string, ctx: z.RefinementCtx, path: string[] = []) {
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    const key = keyOf(item)
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: [...path, index, field], message: `${key} is in the file twice` })
    seen.add(key)
  }
}

export const apiConfigSchema = z
  .strictObject({
    slug: apiFields.slug,
    name: apiFields.name,
    description: apiFields.description,
    kind: apiFields.kind,
    visibility: apiFields.visibility,
    tags: tagsSchema.optional(),
    versions: z.array(versionConfigSchema).max(200).default([]),
    plans: z.array(planConfigSchema).max(100).default([]),
  })
  .superRefine((api, ctx) => {
    uniqueBy(api.versions, (v) => v.version, 'version', ctx, ['versions'])
    uniqueBy(api.plans, (p) => p.name, 'name', ctx, ['plans'])
  })

export const aiProviderConfigSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(AI_PROVIDER_KINDS),
  baseUrl: z.string(),
})

export const aiModelConfigSchema = z.strictObject({
  name: z.string(),
  provider: z.string(),
  providerModel: z.string(),
  kind: z.enum(AI_MODEL_KINDS).default('CHAT'),
  inputPricePerM: z.preprocess(priceText, z.string()),
  outputPricePerM: z.preprocess(priceText, z.string()),
  cachedInputPricePerM: z.preprocess(priceText, z.string()).nullable().optional(),
  contextWindow: z.number().int(),
  maxOutputTokens: z.number().int(),
})

export const aiRouteConfigSchema = z.strictObject({
  api: z.string(),
  version: z.string(),
  name: z.string(),
  default: z.boolean().default(false),
  strategy: z.enum(['FALLBACK', 'WEIGHTED']).default('FALLBACK'),
  targets: z.array(z.strictObject({ model: z.string(), weight: z.number().int().default(1) })),
})

export const aiConfigSchema = z.strictObject({
  providers: z.array(aiProviderConfigSchema).default([]),
  models: z.array(aiModelConfigSchema).default([]),
  routes: z.array(aiRouteConfigSchema).default([]),
})

export const configFileSchema = z
  .strictObject({
    format: z.literal(CONFIG_FORMAT, { error: `Start the file with format: ${CONFIG_FORMAT}` }),
    apis: z.array(apiConfigSchema).max(500).default([]),
    ai: aiConfigSchema.optional(),
  })
  .superRefine((file, ctx) => uniqueBy(file.apis, (api) => api.slug, 'slug', ctx, ['apis']))

/** A file as validated (prices as bigint micros). */
export type ConfigFile = z.output<typeof configFileSchema>
/** A file as written (prices as decimal text): what the export produces. */
export type ConfigDocument = z.input<typeof configFileSchema>
export type ApiConfigDocument = NonNullable<ConfigDocument['apis']>[number]
export type AiConfigDocument = z.input<typeof aiConfigSchema>
export type ApiConfig = ConfigFile['apis'][number]
export type VersionConfig = ApiConfig['versions'][number]
export type PlanConfig = ApiConfig['plans'][number]
export type PromptConfig = NonNullable<VersionConfig['prompt']>
export type PromptConfigDocument = z.input<typeof promptConfigSchema>
export type AiConfig = z.output<typeof aiConfigSchema>
export type AiProviderConfig = AiConfig['providers'][number]
export type AiModelConfig = AiConfig['models'][number]
export type AiRouteConfig = AiConfig['routes'][number]

/** What a diff reports for one resource of the file. */
export type ConfigChange = {
  resource: 'api' | 'version' | 'plan' | 'ai_provider' | 'ai_model' | 'ai_route'
  /** Readable and unique within the file: "weather", "weather v1", "weather/Free". */
  name: string
  /** `delete` only with prune: the file leaves the resource out. */
  change: 'create' | 'update' | 'unchanged' | 'delete'
  /** The fields that differ, for an update. */
  fields?: string[]
}

export const configChangeSchema = z.object({
  resource: z.enum(['api', 'version', 'plan', 'ai_provider', 'ai_model', 'ai_route']),
  name: z.string(),
  change: z.enum(['create', 'update', 'unchanged', 'delete']),
  fields: z.array(z.string()).optional(),
})

export const configDiffSchema = z.object({
  changes: z.array(configChangeSchema),
  summary: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), delete: z.number() }),
  needsKey: z.array(z.string()).meta({
    description:
      'The file’s AI providers that have no API key (a key never travels in a file): calls through them go without one until it is set in the console or with PATCH …/ai/providers/{provider}',
  }),
})
export const configApplySchema = configDiffSchema.extend({ applied: z.boolean() })

export const configPruneQuerySchema = z.object({
  prune: z.enum(['true', 'false']).default('false').meta({
    description:
      'true: also delete what the file leaves out (draft versions deleted, plans archived, APIs with nothing serving and no live subscription deleted, AI routes, models and providers deleted when the file states ai:). Anything that cannot go answers 409 config_conflict naming each, and nothing is applied.',
  }),
})
