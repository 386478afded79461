import { z } from 'zod'
import { AI_MODEL_KINDS, AI_PROVIDER_KINDS } from '@/lib/ai/console/kinds'
import { outboundUrlSchema } from '@/lib/net/check-outbound-url'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { priceInput } from '@/lib/validation/price'
import { plainText, searchText } from '@/lib/validation/text'

// Input schemas for the AI page: providers and models. FormData sends strings, so "" means
// "unset" for optional fields; secrets (the API key, extra headers) are write-only.

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)

// RFC 9110 §5.1: a header name is a token; values may not break the line.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'connection', 'transfer-encoding'])
export const MAX_EXTRA_HEADERS = 20

/**
 * Extra headers as the form's textarea holds them, one "Name: value" a line, parsed into an
 * object. Every problem is a message on the `headers` field itself.
 */
export const extraHeadersSchema = z
  // Parsing twice (the action, then the lib function) must give the same headers.
  .preprocess(
    (value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>)
            .map(([name, v]) => `${name}: ${String(v)}`)
            .join('\n')
        : value,
    z.string().max(8000, 'Use at most 8000 characters'),
  )
  .transform((text: string, ctx) => {
    const headers: Record<string, string> = {}
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim()
      if (!line) continue
      const colon = line.indexOf(':')
      const name = colon > 0 ? line.slice(0, colon).trim() : ''
      const value = colon > 0 ? line.slice(colon + 1).trim() : ''
      if (!HEADER_NAME.test(name) || !value) {
        ctx.addIssue({ code: 'custom', message: `Line ${index + 1}: write one header per line as "Name: value"` })
        return z.NEVER
      }
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', message: `Line ${index + 1}: ${name} is set by Tollgate` })
        return z.NEVER
      }
      if (/[\0-\x08\x0a-\x1f\x7f]/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `Line ${index + 1}: the value has a control character` })
        return z.NEVER
      }
      headers[name] = value
    }
    if (Object.keys(headers).length > MAX_EXTRA_HEADERS) {
      ctx.addIssue({ code: 'custom', message: `Use at most ${MAX_EXTRA_HEADERS} headers` })
      return z.NEVER
    }
    return headers
  })

const apiKeySchema = z
  .string()
  .trim()
  .max(1000, 'Use at most 1000 characters')
  .refine((key) => !/[\s\0-\x1f\x7f]/.test(key), 'The key has spaces or control characters')

const providerFields = {
  name: plainText().min(2, 'Use at least 2 characters').max(60, 'Use at most 60 characters'),
  kind: z.enum(AI_PROVIDER_KINDS, { error: 'Choose a provider kind' }),
  baseUrl: outboundUrlSchema(),
  // Write-only: "" on an edit keeps the stored key; a new value replaces it.
  apiKey: z.preprocess(emptyToUndefined, apiKeySchema.optional()),
  // Undefined keeps the stored headers on an edit; "" (the textarea emptied) removes them.
  headers: extraHeadersSchema.optional(),
}

export const createProviderSchema = z.object(providerFields)
export type CreateProviderInput = z.input<typeof createProviderSchema>

export const updateProviderSchema = createProviderSchema.partial().extend({
  providerId: idInput(),
  // A ticked "remove the key" box clears it (keyless providers such as a local Ollama).
  clearApiKey: z
    .preprocess((value) => {
      // A form sends "true" (the last of a checkbox's values); a JSON client sends true.
      const last = Array.isArray(value) ? value.at(-1) : value
      return last === 'true' || last === true
    }, z.boolean())
    .optional(),
})
export type UpdateProviderInput = z.input<typeof updateProviderSchema>

export const providerIdSchema = z.object({ providerId: idInput() })
export type ProviderIdInput = z.input<typeof providerIdSchema>

// The consumer sends this name as `model`, so it stays a plain identifier.
export const modelNameSchema = z
  .string({ error: 'Enter a model name' })
  .trim()
  .min(1, 'Enter a model name')
  .max(100, 'Use at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'Use letters, digits and . _ : / - (starting with a letter or digit)')

const tokensInput = (what: string) =>
  integerInput({ min: 1, max: 10_000_000, invalid: `Enter the ${what} in tokens`, tooSmall: 'At least 1 token' })

export const createModelSchema = z.object({
  providerId: idInput('Choose a provider'),
  name: modelNameSchema,
  providerModel: modelNameSchema,
  kind: z.enum(AI_MODEL_KINDS, { error: 'Choose a model kind' }).optional(),
  inputPrice: priceInput,
  outputPrice: priceInput,
  // Empty: the provider reports no cached tokens, or they cost the same as other input.
  cachedInputPrice: z.preprocess(emptyToUndefined, priceInput.optional()),
  contextWindow: tokensInput('context window'),
  maxOutputTokens: tokensInput('max output'),
})
export type CreateModelInput = z.input<typeof createModelSchema>

export const updateModelSchema = createModelSchema.partial().extend({
  modelId: idInput(),
  cachedInputPrice: z.preprocess((v) => (v === '' ? null : v), priceInput.nullable().optional()),
})
export type UpdateModelInput = z.input<typeof updateModelSchema>

export const modelIdSchema = z.object({ modelId: idInput() })
export type ModelIdInput = z.input<typeof modelIdSchema>

export const AI_PAGE_SIZE = 20

export const listAiQuerySchema = z.object({
  q: searchText().max(100).optional().catch(undefined),
  page: integerInput({ min: 1, max: 10_000 }).catch(1).default(1),
})
export type ListAiQuery = Partial<z.infer<typeof listAiQuerySchema>> & { pageSize?: number }

/** A provider as pages and action results see it: never the key or the headers' values. */
export const providerOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(AI_PROVIDER_KINDS),
  baseUrl: z.string(),
  keyHint: z.string().nullable(),
  headerNames: z.array(z.string()),
  modelCount: z.number(),
  createdAt: z.date(),
})
export type ProviderOutput = z.infer<typeof providerOutputSchema>

/** A model as pages and the management API see it: prices in micro-units per 1M tokens. */
export const modelOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  providerModel: z.string(),
  kind: z.enum(AI_MODEL_KINDS),
  providerId: z.string(),
  providerName: z.string(),
  inputMicrosPerM: z.bigint(),
  outputMicrosPerM: z.bigint(),
  cachedInputMicrosPerM: z.bigint().nullable(),
  contextWindow: z.number(),
  maxOutputTokens: z.number(),
  /** The AI APIs whose versions route to this model ("which AI APIs use it"). */
  usedBy: z.array(
    z.object({ apiId: z.string(), apiSlug: z.string(), apiName: z.string(), versions: z.array(z.string()) }),
  ),
})
export type ModelOutput = z.infer<typeof modelOutputSchema>
