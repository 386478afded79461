import { z } from 'zod'
import type { ChatRequest } from '../chat-types'

// An incoming OpenAI Chat Completions request (https://platform.openai.com/docs/api-reference/chat/create)
// validated into a ChatRequest. Every list, string and nested schema has a cap, so no consumer can
// make the gateway tokenise, translate or forward unbounded work. Fields Tollgate does not carry are
// dropped, except those whose absence would change the answer (`n` above 1, `logprobs`), which are
// refused by name.

export const CHAT_LIMITS = {
  messages: 2048,
  textChars: 1_048_576,
  partsPerMessage: 256,
  imageUrlChars: 8 * 1024 * 1024,
  tools: 128,
  toolCallsPerMessage: 128,
  schemaChars: 65_536,
  schemaDepth: 32,
  stopSequences: 4,
  maxTokens: 1_000_000,
} as const

/** Depth of nested objects and arrays, counted without recursion (so a deep value cannot overflow the stack). */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (!item || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** A JSON Schema object (tool parameters, response schemas), capped in size and nesting. */
export const jsonSchemaObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  if (jsonDepth(value, CHAT_LIMITS.schemaDepth) > CHAT_LIMITS.schemaDepth) {
    ctx.addIssue({ code: 'custom', message: `Nest the schema at most ${CHAT_LIMITS.schemaDepth} levels deep` })
  } else if (JSON.stringify(value).length > CHAT_LIMITS.schemaChars) {
    ctx.addIssue({ code: 'custom', message: `Keep the schema under ${CHAT_LIMITS.schemaChars} characters` })
  }
})

const text = z.string().max(CHAT_LIMITS.textChars, `Keep each text under ${CHAT_LIMITS.textChars} characters`)

const textPart = z.object({ type: z.literal('text'), text })
const imagePart = z.object({
  type: z.literal('image_url'),
  image_url: z.object({
    url: z
      .string()
      .max(CHAT_LIMITS.imageUrlChars, 'Keep each image under 8 MiB')
      .regex(/^(https?:|data:image\/)/i, 'Give an https URL or a data:image/... URL'),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
})
/** Parses with `schema` inside a transform, passing its issues (and their paths) on. */
export function forward<T extends z.ZodType>(schema: T, value: unknown, ctx: z.RefinementCtx): z.output<T> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
  return z.NEVER
}

// Parts and content dispatch on their shape by hand, so an error names the part type or field at
// fault instead of zod's "Invalid input" for a union none of whose branches matched.
const partOf = (allowImages: boolean) =>
  z
    .object({ type: z.string() })
    .loose()
    .transform((part, ctx) => {
      if (part.type === 'text') return forward(textPart, part, ctx)
      if (part.type === 'image_url' && allowImages) return forward(imagePart, part, ctx)
      ctx.addIssue({ code: 'custom', message: `Content parts of type "${part.type}" are not supported` })
      return z.NEVER
    })

const contentOf = (allowImages: boolean) => {
  const parts = z
    .array(partOf(allowImages))
    .max(CHAT_LIMITS.partsPerMessage, `Send at most ${CHAT_LIMITS.partsPerMessage} content parts`)
  return z.unknown().transform((value, ctx) => {
    if (typeof value === 'string') return forward(text, value, ctx)
    if (Array.isArray(value)) return forward(parts, value, ctx)
    ctx.addIssue({ code: 'custom', message: 'Send content as a string or an array of parts' })
    return z.NEVER
  })
}

const userContent = contentOf(true)
const textContent = contentOf(false)
const name = z.string().min(1).max(256).optional()

const toolCall = z.object({
  id: z.string().min(1).max(256),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1).max(64), arguments: text }),
})

const message = z.discriminatedUnion('role', [
  z.object({ role: z.enum(['system', 'developer']), content: textContent, name }),
  z.object({ role: z.literal('user'), content: userContent, name }),
  z
    .object({
      role: z.literal('assistant'),
      content: textContent.nullish().transform((value) => value ?? null),
      name,
      tool_calls: z.array(toolCall).max(CHAT_LIMITS.toolCallsPerMessage).optional(),
    })
    .refine((value) => value.content !== null || (value.tool_calls?.length ?? 0) > 0, {
      message: 'An assistant message needs content or tool_calls',
      path: ['content'],
    }),
  z.object({ role: z.literal('tool'), content: textContent, tool_call_id: z.string().min(1).max(256) }),
])

const tokenLimit = z
  .number()
  .int('Give a whole number of tokens')
  .min(1)
  .max(CHAT_LIMITS.maxTokens, `Ask for at most ${CHAT_LIMITS.maxTokens} tokens`)
  .optional()

export const chatRequestSchema = z
  .object({
    model: z.string().min(1, 'Name a model').max(256),
    messages: z
      .array(message, { error: 'Send messages as an array' })
      .min(1, 'Send at least one message')
      .max(CHAT_LIMITS.messages, `Send at most ${CHAT_LIMITS.messages} messages`),
    max_tokens: tokenLimit,
    max_completion_tokens: tokenLimit,
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    stop: z
      .union([z.string().min(1).max(256), z.array(z.string().min(1).max(256)).max(CHAT_LIMITS.stopSequences)])
      .optional(),
    stream: z.boolean().optional(),
    stream_options: z
      .object({ include_usage: z.boolean().optional() })
      .nullish()
      .transform((v) => v ?? undefined),
    tools: z
      .array(
        z.object({
          type: z.literal('function'),
          function: z.object({
            name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Use 1-64 letters, digits, _ or - in a function name'),
            description: z.string().max(16_384).optional(),
            parameters: jsonSchemaObject.optional(),
          }),
        }),
      )
      .max(CHAT_LIMITS.tools, `Send at most ${CHAT_LIMITS.tools} tools`)
      .optional(),
    tool_choice: z
      .union([
        z.enum(['none', 'auto', 'required']),
        z.object({ type: z.literal('function'), function: z.object({ name: z.string().min(1).max(64) }) }),
      ])
      .optional(),
    response_format: z
      .discriminatedUnion('type', [
        z.object({ type: z.enum(['text', 'json_object']) }),
        z.object({ type: z.literal('json_schema'), json_schema: jsonSchemaObject }),
      ])
      .optional(),
    user: z.string().max(512).optional(),
    seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
    n: z.literal(1, 'Only n=1 is supported').optional(),
    logprobs: z.literal(false, 'logprobs are not supported').optional(),
  })
  .transform(({ n: _n, logprobs: _logprobs, ...request }) => request)

/** The request as a ChatRequest, or a ZodError whose issues name each field (problem+json 422). */
export function parseChatRequest(body: unknown): ChatRequest {
  return chatRequestSchema.parse(body)
}
