import type { FinishReason, TokenUsage } from '../chat-types'

// The small mappings Anthropic's message object and its stream share.

export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal'

export function anthropicStopReason(reason: FinishReason | null): AnthropicStopReason {
  if (reason === 'length') return 'max_tokens'
  if (reason === 'tool_calls') return 'tool_use'
  if (reason === 'content_filter') return 'refusal'
  return 'end_turn'
}

/** Anthropic counts cache reads apart from `input_tokens`; Tollgate's inputTokens include them. */
export function anthropicUsage(usage: TokenUsage | null) {
  const input = usage?.inputTokens ?? 0
  const cached = Math.min(usage?.cachedInputTokens ?? 0, input)
  return {
    input_tokens: input - cached,
    output_tokens: usage?.outputTokens ?? 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
  }
}

export function anthropicMessageId(completionId: string): string {
  return `msg_${completionId.replace(/^chatcmpl-/, '')}`
}
