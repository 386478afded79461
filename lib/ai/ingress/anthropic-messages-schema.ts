import { z } from 'zod'
import { CHAT_LIMITS, jsonSchemaObject } from './chat-request-schema'

// An incoming Anthropic Messages request (https://docs.anthropic.com/en/api/messages), with the
// same caps as the OpenAI way in. Blocks Tollgate cannot carry are kept as `other` here and refused
// by name when translated, so the consumer learns which one.

const text = z.string().max(CHAT_LIMITS.textChars, `Keep each text under ${CHAT_LIMITS.textChars} characters`)

const textBlock = z.object({ type: z.literal('text'), text })
const imageBlock = z.object({
  type: z.literal('image'),
  source: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('base64'),
      media_type: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']),
      data: z.string().max(CHAT_LIMITS.imageUrlChars, 'Keep each image under 8 MiB'),
    }),
    z.object({
      type: z.literal('url'),
      url: z
        .string()
        .max(8192)
        .regex(/^https?:/i, 'Give an http(s) URL'),
    }),
  ]),
})
const toolUseBlock = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1).max(256),
  name: z.string().min(1).max(64),
  input: z.record(z.string(), z.unknown()),
})
const toolResultBlock = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1).max(256),
  content: z.union([text, z.array(z.union([textBlock, imageBlock])).max(CHAT_LIMITS.partsPerMessage)]).optional(),
  is_error: z.boolean().optional(),
})
const otherBlock = z.object({ type: z.string().max(64) })

export type AnthropicBlock =
  | z.infer<typeof textBlock>
  | z.infer<typeof imageBlock>
  | z.infer<typeof toolUseBlock>
  | z.infer<typeof toolResultBlock>
  | z.infer<typeof otherBlock>

const block = z.union([textBlock, imageBlock, toolUseBlock, toolResultBlock, otherBlock])

export const anthropicMessagesSchema = z.object({
  model: z.string().min(1, 'Name a model').max(256),
  max_tokens: z
    .number()
    .int('Give a whole number of tokens')
    .min(1)
    .max(CHAT_LIMITS.maxTokens, `Ask for at most ${CHAT_LIMITS.maxTokens} tokens`),
  messages: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant']),
        content: z.union([text, z.array(block).max(CHAT_LIMITS.partsPerMessage)]),
      }),
    )
    .min(1, 'Send at least one message')
    .max(CHAT_LIMITS.messages, `Send at most ${CHAT_LIMITS.messages} messages`),
  system: z.union([text, z.array(textBlock).max(CHAT_LIMITS.partsPerMessage)]).optional(),
  stop_sequences: z.array(z.string().min(1).max(256)).max(CHAT_LIMITS.stopSequences).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().optional(),
  stream: z.boolean().optional(),
  tools: z
    .array(
      z.object({
        type: z.string().max(64).optional(),
        name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Use 1-64 letters, digits, _ or - in a tool name'),
        description: z.string().max(16_384).optional(),
        input_schema: jsonSchemaObject.optional(),
      }),
    )
    .max(CHAT_LIMITS.tools, `Send at most ${CHAT_LIMITS.tools} tools`)
    .optional(),
  tool_choice: z
    .discriminatedUnion('type', [
      z.object({ type: z.enum(['auto', 'any', 'none']), disable_parallel_tool_use: z.boolean().optional() }),
      z.object({
        type: z.literal('tool'),
        name: z.string().min(1).max(64),
        disable_parallel_tool_use: z.boolean().optional(),
      }),
    ])
    .optional(),
  metadata: z.object({ user_id: z.string().max(512).nullish() }).optional(),
  thinking: z
    .object({ type: z.string().max(32) })
    .loose()
    .optional(),
})

export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesSchema>
