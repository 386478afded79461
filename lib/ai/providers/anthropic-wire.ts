import { z } from 'zod'
import type { FinishReason, TokenUsage } from '../chat-types'

// Anthropic's usage object and stop reasons, shared by its answer and its stream.

export const anthropicUsageSchema = z.object({
  input_tokens: z.number().int().nonnegative().nullish(),
  output_tokens: z.number().int().nonnegative().nullish(),
  cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
  cache_read_input_tokens: z.number().int().nonnegative().nullish(),
})

/**
 * Anthropic's `input_tokens` leaves out the prompt-cache tokens; Tollgate's inputTokens count every
 * prompt token. Cache reads are the cached (discounted) ones; cache writes cost Anthropic's full
 * input price or more, so they count as ordinary input.
 */
export function fromAnthropicUsage(usage: z.infer<typeof anthropicUsageSchema>): TokenUsage {
  const read = usage.cache_read_input_tokens ?? 0
  return {
    inputTokens: (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + read,
    outputTokens: usage.output_tokens ?? 0,
    cachedInputTokens: read,
    estimated: false,
  }
}

export function anthropicFinishReason(reason: string | null | undefined): FinishReason | null {
  if (!reason) return null
  if (reason === 'max_tokens' || reason === 'model_context_window_exceeded') return 'length'
  if (reason === 'tool_use') return 'tool_calls'
  if (reason === 'refusal') return 'content_filter'
  return 'stop'
}
