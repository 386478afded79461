// The canonical shapes of the AI gateway. Tollgate speaks OpenAI's Chat Completions format
// inside: a consumer's request (OpenAI's, or Anthropic's Messages format translated on the way in)
// becomes a ChatRequest; each provider adapter turns it into the provider's native request and the
// provider's answer (or stream) back into ChatCompletion / ChatCompletionChunk objects.
// Field names follow OpenAI's API reference exactly, so these objects go on the wire as they are.

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool'

export type ChatContentPart =
  { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } }

export type ChatToolCall = {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

/** A piece of a streamed tool call: the first carries id and name, later ones more arguments. */
export type ChatToolCallDelta = {
  index: number
  id?: string
  type?: 'function'
  function?: { name?: string; arguments?: string }
}

export type ChatMessage = {
  role: ChatRole
  content: string | ChatContentPart[] | null
  name?: string
  tool_calls?: ChatToolCall[]
  tool_call_id?: string
}

export type ChatTool = {
  type: 'function'
  function: { name: string; description?: string; parameters?: Record<string, unknown> }
}

export type ChatRequest = {
  model: string
  messages: ChatMessage[]
  max_tokens?: number
  max_completion_tokens?: number
  temperature?: number
  top_p?: number
  stop?: string | string[]
  stream?: boolean
  stream_options?: { include_usage?: boolean }
  tools?: ChatTool[]
  tool_choice?: 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } }
  response_format?: { type: 'text' | 'json_object' | 'json_schema'; json_schema?: Record<string, unknown> }
  user?: string
  seed?: number
}

/** Tokens as the provider reported them (or as the tokenizer estimated them, when `estimated`). */
export type TokenUsage = {
  inputTokens: number
  outputTokens: number
  /** Input tokens the provider served from its prompt cache (billed at the cached price where set). */
  cachedInputTokens: number
  estimated: boolean
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter'

/** OpenAI's `usage` object, plus Tollgate's exact decimal `cost` on the final chunk of a stream. */
export type ChatUsage = {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  prompt_tokens_details?: { cached_tokens: number }
  cost?: string
}

export type ChatCompletion = {
  id: string
  object: 'chat.completion'
  created: number
  model: string
  choices: Array<{
    index: number
    message: { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[]; refusal?: null }
    finish_reason: FinishReason | null
    logprobs: null
  }>
  usage?: ChatUsage
}

export type ChatCompletionChunk = {
  id: string
  object: 'chat.completion.chunk'
  created: number
  model: string
  choices: Array<{
    index: number
    delta: {
      role?: 'assistant'
      content?: string | null
      tool_calls?: ChatToolCallDelta[]
    }
    finish_reason: FinishReason | null
    logprobs?: null
  }>
  usage?: ChatUsage | null
}

export function toChatUsage(usage: TokenUsage): ChatUsage {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    ...(usage.cachedInputTokens > 0 ? { prompt_tokens_details: { cached_tokens: usage.cachedInputTokens } } : {}),
  }
}
