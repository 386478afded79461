import { z } from 'zod'
import type { EmbeddingsRequest } from '../provider-adapter'
import { CHAT_LIMITS, forward } from './chat-request-schema'

// An incoming OpenAI embeddings request (https://platform.openai.com/docs/api-reference/embeddings/create).
// `input` is one text, a list of texts, one list of token ids or a list of them; it becomes a list
// either way, one vector per item. Every list and string has a cap (OpenAI's own 2048 inputs), so no
// consumer can make the gateway count or forward unbounded work. The official SDK asks for
// `encoding_format: "base64"` unless told otherwise, and decodes the answer itself.

export const EMBEDDING_LIMITS = {
  inputs: 2048,
  tokenIdsPerInput: 65_536,
  maxTokenId: 2 ** 31 - 1,
  dimensions: 65_536,
} as const

const text = z
  .string()
  .min(1, 'An input text cannot be empty')
  .max(CHAT_LIMITS.textChars, `Keep each input under ${CHAT_LIMITS.textChars} characters`)
const tokenIds = z
  .array(z.number().int('Token ids are whole numbers').min(0).max(EMBEDDING_LIMITS.maxTokenId))
  .min(1, 'A token-id input cannot be empty')
  .max(EMBEDDING_LIMITS.tokenIdsPerInput, `Send at most ${EMBEDDING_LIMITS.tokenIdsPerInput} token ids per input`)
const texts = z.array(text).max(EMBEDDING_LIMITS.inputs, `Send at most ${EMBEDDING_LIMITS.inputs} inputs`)
const tokenLists = z.array(tokenIds).max(EMBEDDING_LIMITS.inputs, `Send at most ${EMBEDDING_LIMITS.inputs} inputs`)

// Dispatched on the shape by hand, so an error says what is wrong instead of zod's "Invalid input"
// for a union none of whose branches matched.
const input = z.unknown().transform((value, ctx): string[] | number[][] => {
  if (typeof value === 'string') return [forward(text, value, ctx)]
  if (!Array.isArray(value) || value.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'Send input as a string, an array of strings or arrays of token ids' })
    return z.NEVER
  }
  if (value.every((item) => typeof item === 'string')) return forward(texts, value, ctx)
  if (value.every((item) => typeof item === 'number')) return [forward(tokenIds, value, ctx)]
  if (value.every(Array.isArray)) return forward(tokenLists, value, ctx)
  ctx.addIssue({ code: 'custom', message: 'Do not mix texts, token ids and lists of token ids in one input' })
  return z.NEVER
})

export const embeddingsRequestSchema = z.object({
  model: z.string().min(1, 'Name a model').max(256),
  input,
  encoding_format: z.enum(['float', 'base64'], { error: 'Use "float" or "base64"' }).default('float'),
  dimensions: z
    .number()
    .int('Give a whole number of dimensions')
    .min(1)
    .max(EMBEDDING_LIMITS.dimensions, `Ask for at most ${EMBEDDING_LIMITS.dimensions} dimensions`)
    .optional(),
  user: z.string().max(512).optional(),
})

export type EmbeddingsEncoding = 'float' | 'base64'

/** The request, and how the consumer wants the vectors; a ZodError names each field at fault (422). */
export function parseEmbeddingsRequest(body: unknown): { request: EmbeddingsRequest; encoding: EmbeddingsEncoding } {
  const { encoding_format, ...request } = embeddingsRequestSchema.parse(body)
  return { request, encoding: encoding_format }
}
