import { z } from 'zod'
import type { ChatCompletion, ChatToolCall } from '../chat-types'
import { toChatUsage } from '../chat-types'
import type { ProviderAdapter, TranslationContext } from '../provider-adapter'
import { ANTHROPIC, anthropicBody } from './anthropic-request'
import { AnthropicStreamTranslator } from './anthropic-stream'
import { anthropicFinishReason, anthropicUsageSchema, fromAnthropicUsage } from './anthropic-wire'
import { errorMessageOf, providerError, unsupportedFeature } from './provider-errors'

// Anthropic's Messages API: POST {base}/messages with x-api-key and anthropic-version 2023-06-01.

export const ANTHROPIC_VERSION = '2023-06-01'

export const anthropicAdapter: ProviderAdapter = {
  kind: 'ANTHROPIC',
  chatRequest(request, target) {
    const body = anthropicBody(request, target)
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'anthropic-version': ANTHROPIC_VERSION,
      ...target.headers,
    }
    if (target.apiKey) headers['x-api-key'] = target.apiKey
    return { method: 'POST', path: '/messages', headers, body: JSON.stringify(body) }
  },
  chatResponse: anthropicCompletion,
  chatStream: (context) => new AnthropicStreamTranslator(context),
  // Anthropic has no embeddings API: a route falls back past it, like past any target that
  // cannot carry a request (and the console refuses embedding models on Anthropic providers).
  embeddingsRequest() {
    throw unsupportedFeature(ANTHROPIC, 'embeddings (Anthropic has no embeddings API)')
  },
  embeddingsResponse() {
    throw providerError('Anthropic has no embeddings API.')
  },
  errorMessage: errorMessageOf,
}

const messageSchema = z.object({
  type: z.literal('message'),
  content: z.array(
    z.object({
      type: z.string(),
      text: z.string().optional(),
      id: z.string().optional(),
      name: z.string().optional(),
      input: z.unknown().optional(),
    }),
  ),
  stop_reason: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
})

function anthropicCompletion(body: unknown, context: TranslationContext) {
  const parsed = messageSchema.safeParse(body)
  if (!parsed.success) throw providerError('Anthropic answered with a body that is not a message.')
  let text = ''
  const toolCalls: ChatToolCall[] = []
  for (const block of parsed.data.content) {
    if (block.type === 'text') text += block.text ?? ''
    if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id ?? `toolu_${toolCalls.length}`,
        type: 'function',
        function: { name: block.name ?? '', arguments: JSON.stringify(block.input ?? {}) },
      })
    }
  }
  const usage = parsed.data.usage ? fromAnthropicUsage(parsed.data.usage) : null
  const completion: ChatCompletion = {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text || (toolCalls.length > 0 ? null : ''),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: anthropicFinishReason(parsed.data.stop_reason),
        logprobs: null,
      },
    ],
    ...(usage ? { usage: toChatUsage(usage) } : {}),
  }
  return { completion, usage }
}

export { ANTHROPIC }
export { anthropicFinishReason, fromAnthropicUsage }
