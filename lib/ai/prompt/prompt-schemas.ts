import { z } from 'zod'
import { versionLabelSchema } from '@/lib/apis/schemas'
import { idInput } from '@/lib/validation/ids'
import { decimalInput, integerInput } from '@/lib/validation/numbers'
import { plainText } from '@/lib/validation/text'
import { compileOutputSchema } from './output-schema'
import { parseTemplate, VARIABLE_NAME } from './template'

// An AI_PROMPT version's design: the template's two parts, its typed variables, an optional output
// JSON Schema, the generation settings, and the model it runs on (one of the team's chat models,
// or a copy of one of its AI_CHAT routes with that route's fallbacks). The form posts `variables`
// and `outputSchema` as JSON text; every problem is a message on the field it concerns.

export const PROMPT_VARIABLE_TYPES = ['string', 'number', 'boolean', 'enum'] as const
export type PromptVariableType = (typeof PROMPT_VARIABLE_TYPES)[number]
export const MAX_VARIABLES = 30
export const MAX_TEMPLATE_CHARS = 20_000
/** Characters a string variable takes unless its own maxLength says less. */
export const DEFAULT_VARIABLE_MAX_LENGTH = 10_000
export const MAX_VARIABLE_MAX_LENGTH = 100_000
export const MAX_ENUM_VALUES = 50
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype'])

export type PromptVariable = {
  name: string
  type: PromptVariableType
  required: boolean
  description: string
  /** Only on optional variables: the value used when the caller sends none. */
  default?: string | number | boolean
  /** Enum variables: the allowed values. */
  values?: string[]
  /** String variables: the longest value accepted, in characters. */
  maxLength?: number
}

const variableSchema = z
  .object({
    name: z
      .string()
      .regex(VARIABLE_NAME, 'Use letters, digits and _ (not first), at most 64 characters')
      // Names become JSON keys of request bodies and schema properties: none may be an Object member.
      .refine((name) => !RESERVED_NAMES.has(name), { message: 'Pick another name: this one is reserved' }),
    type: z.enum(PROMPT_VARIABLE_TYPES, { error: 'Choose string, number, boolean or enum' }),
    required: z.boolean().default(true),
    description: plainText().max(500, 'Use at most 500 characters').default(''),
    default: z.union([z.string().max(DEFAULT_VARIABLE_MAX_LENGTH), z.number(), z.boolean()]).optional(),
    values: z.array(plainText().min(1).max(100)).max(MAX_ENUM_VALUES).optional(),
    maxLength: z.number().int().min(1).max(MAX_VARIABLE_MAX_LENGTH).optional(),
  })
  .transform((v, ctx): PromptVariable => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message: `${v.name}: ${message}` })
    if (v.type === 'enum') {
      if (!v.values || v.values.length === 0) fail('list at least one allowed value')
      else if (new Set(v.values).size !== v.values.length) fail('an allowed value is listed twice')
    }
    if (v.default !== undefined) {
      if (v.required) fail('a required variable has no default; make it optional or remove the default')
      else if (!defaultFits(v)) fail(`the default does not fit the type ${v.type}`)
    }
    const out: PromptVariable = { name: v.name, type: v.type, required: v.required, description: v.description }
    if (v.default !== undefined && !v.required) out.default = v.default
    if (v.type === 'enum') out.values = v.values
    if (v.type === 'string' && v.maxLength !== undefined) out.maxLength = v.maxLength
    return out
  })

function defaultFits(v: { type: PromptVariableType; default?: unknown; values?: string[]; maxLength?: number }) {
  switch (v.type) {
    case 'string':
      return typeof v.default === 'string' && v.default.length <= (v.maxLength ?? DEFAULT_VARIABLE_MAX_LENGTH)
    case 'number':
      return typeof v.default === 'number' && Number.isFinite(v.default)
    case 'boolean':
      return typeof v.default === 'boolean'
    case 'enum':
      return typeof v.default === 'string' && (v.values ?? []).includes(v.default)
  }
}

/** Form fields send JSON text; a lib caller may pass the value itself. */
const jsonText = (invalidMessage: string) => (value: unknown, ctx: z.RefinementCtx) => {
  if (typeof value !== 'string') return value
  if (value.trim() === '') return undefined
  try {
    return JSON.parse(value) as unknown
  } catch {
    ctx.addIssue({ code: 'custom', message: invalidMessage })
    return z.NEVER
  }
}

const variablesField = z
  .unknown()
  .optional()
  .transform(jsonText('The variables are not valid JSON'))
  .pipe(
    z
      .array(variableSchema, { error: 'Variables are a list' })
      .max(MAX_VARIABLES, `At most ${MAX_VARIABLES} variables`)
      .default([]),
  )

const outputSchemaField = z
  .unknown()
  .optional()
  .transform(jsonText('The output schema is not valid JSON'))
  .transform((schema, ctx) => {
    if (schema === undefined || schema === null) return null
    const problem = compileOutputSchema(schema).problem
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
    return schema as Record<string, unknown>
  })

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)

const designFields = {
  systemTemplate: plainText({ multiline: true })
    .max(MAX_TEMPLATE_CHARS, `Use at most ${MAX_TEMPLATE_CHARS} characters`)
    .default(''),
  userTemplate: plainText({ multiline: true })
    .min(1, 'Write the user part of the prompt')
    .max(MAX_TEMPLATE_CHARS, `Use at most ${MAX_TEMPLATE_CHARS} characters`),
  variables: variablesField,
  outputSchema: outputSchemaField,
  temperature: z.preprocess(emptyToUndefined, decimalInput({ min: 0, max: 2 }).optional()),
  maxOutputTokens: z.preprocess(emptyToUndefined, integerInput({ min: 1, max: 1_000_000 }).optional()),
  /** One of the team's chat models, alone on the route... */
  modelId: z.preprocess(emptyToUndefined, idInput().optional()),
  /** ...or one of the team's AI_CHAT exposed models (an AiVersionModel id), copied with its fallbacks. */
  chatRouteId: z.preprocess(emptyToUndefined, idInput().optional()),
}

type DesignFields = {
  systemTemplate: string
  userTemplate: string
  variables: PromptVariable[]
  modelId?: string
  chatRouteId?: string
}

/** Every placeholder names a variable, every variable is used, and exactly one model source is chosen. */
function checkDesign(design: DesignFields, ctx: z.RefinementCtx) {
  const used = new Set<string>()
  for (const field of ['systemTemplate', 'userTemplate'] as const) {
    const parsed = parseTemplate(design[field])
    for (const bad of parsed.malformed)
      ctx.addIssue({ code: 'custom', path: [field], message: `${bad} is not a placeholder: use {{name}}` })
    const declared = new Set(design.variables.map((v) => v.name))
    for (const name of parsed.placeholders) {
      used.add(name)
      if (!declared.has(name))
        ctx.addIssue({ code: 'custom', path: [field], message: `{{${name}}} has no variable: add one named ${name}` })
    }
  }
  const names = design.variables.map((v) => v.name)
  const twice = names.find((name, i) => names.indexOf(name) !== i)
  if (twice) ctx.addIssue({ code: 'custom', path: ['variables'], message: `${twice} is declared twice` })
  for (const name of names)
    if (!used.has(name))
      ctx.addIssue({ code: 'custom', path: ['variables'], message: `${name} is not used by the template` })
  if ((design.modelId === undefined) === (design.chatRouteId === undefined))
    ctx.addIssue({ code: 'custom', path: ['modelId'], message: 'Choose the model this prompt runs on' })
}

export const createPromptVersionSchema = z
  .object({ apiId: idInput(), version: versionLabelSchema, ...designFields })
  .superRefine(checkDesign)
export type CreatePromptVersionInput = z.input<typeof createPromptVersionSchema>

export const updatePromptVersionSchema = z.object({ versionId: idInput(), ...designFields }).superRefine(checkDesign)
export type UpdatePromptVersionInput = z.input<typeof updatePromptVersionSchema>

/** What a saved version holds (AiPromptTemplate, with the JSON columns parsed). */
export type PromptDesign = {
  systemTemplate: string
  userTemplate: string
  variables: PromptVariable[]
  outputSchema: Record<string, unknown> | null
  temperature: number | null
  maxOutputTokens: number | null
}

export function designOf(parsed: z.output<typeof createPromptVersionSchema | typeof updatePromptVersionSchema>) {
  return {
    systemTemplate: parsed.systemTemplate,
    userTemplate: parsed.userTemplate,
    variables: parsed.variables,
    outputSchema: parsed.outputSchema,
    temperature: parsed.temperature ?? null,
    maxOutputTokens: parsed.maxOutputTokens ?? null,
  } satisfies PromptDesign
}

/** An AiPromptTemplate row as the gateway, the playground and the console read it. */
export function promptDesignFromRow(row: {
  systemTemplate: string
  userTemplate: string
  variables: string
  outputSchema: string | null
  temperature: number | null
  maxOutputTokens: number | null
}): PromptDesign {
  return {
    systemTemplate: row.systemTemplate,
    userTemplate: row.userTemplate,
    variables: JSON.parse(row.variables) as PromptVariable[],
    outputSchema: row.outputSchema === null ? null : (JSON.parse(row.outputSchema) as Record<string, unknown>),
    temperature: row.temperature,
    maxOutputTokens: row.maxOutputTokens,
  }
}
