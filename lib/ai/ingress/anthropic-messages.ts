import type { ChatCompletion, ChatContentPart, ChatMessage, ChatRequest, TokenUsage } from '../chat-types'
import { unsupportedFeature } from '../providers/provider-errors'
import { anthropicMessageId, anthropicStopReason, anthropicUsage } from './anthropic-format'
import {
  anthropicMessagesSchema,
  type AnthropicBlock,
  type AnthropicMessagesRequest,
} from './anthropic-messages-schema'

// The second way in: `POST /messages` in Anthropic's format, for consumers on @anthropic-ai/sdk.
// The request becomes a ChatRequest; the ChatCompletion (or the chunk stream, see
// anthropic-stream-writer.ts) goes back as an Anthropic `message`.

export { AnthropicStreamWriter } from './anthropic-stream-writer'
export { anthropicMessageId, anthropicStopReason, anthropicUsage } from './anthropic-format'

const SELF = 'The Messages endpoint'

/** Validates (ZodError on bad input) and translates an Anthropic Messages request. */
export function anthropicToChatRequest(body: unknown): ChatRequest {
  return messagesToChatRequest(anthropicMessagesSchema.parse(body))
}

export function messagesToChatRequest(input: AnthropicMessagesRequest): ChatRequest {
  if (input.top_k !== undefined) throw unsupportedFeature(SELF, 'top_k')
  if (input.thinking && input.thinking.type !== 'disabled') throw unsupportedFeature(SELF, 'extended thinking')
  const messages: ChatMessage[] = []
  const system = typeof input.system === 'string' ? input.system : (input.system ?? []).map((b) => b.text).join('\n')
  if (system) messages.push({ role: 'system', content: system })
  for (const message of input.messages) {
    const blocks: AnthropicBlock[] =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content
    if (message.role === 'assistant') messages.push(assistantMessage(blocks))
    else messages.push(...userMessages(blocks))
  }
  const request: ChatRequest = { model: input.model, messages, max_tokens: input.max_tokens }
  if (input.temperature !== undefined) request.temperature = input.temperature
  if (input.top_p !== undefined) request.top_p = input.top_p
  if (input.stop_sequences?.length) request.stop = input.stop_sequences
  if (input.metadata?.user_id) request.user = input.metadata.user_id
  if (input.stream) {
    request.stream = true
    request.stream_options = { include_usage: true }
  }
  if (input.tools?.length) {
    request.tools = input.tools.map((tool) => {
      if (tool.type && tool.type !== 'custom') throw unsupportedFeature(SELF, `the server tool "${tool.type}"`)
      return {
        type: 'function',
        function: {
          name: tool.name,
          ...(tool.description ? { description: tool.description } : {}),
          parameters: tool.input_schema ?? { type: 'object', properties: {} },
        },
      }
    })
  }
  const choice = input.tool_choice
  if (choice) {
    request.tool_choice =
      choice.type === 'tool'
        ? { type: 'function', function: { name: choice.name } }
        : ({ auto: 'auto', any: 'required', none: 'none' } as const)[choice.type]
  }
  return request
}

function assistantMessage(blocks: AnthropicBlock[]): ChatMessage {
  let content = ''
  const toolCalls: NonNullable<ChatMessage['tool_calls']> = []
  for (const block of blocks) {
    if (block.type === 'text' && 'text' in block) content += block.text
    else if (block.type === 'tool_use' && 'input' in block) {
      toolCalls.push({
        id: block.id,
        type: 'function',
        function: { name: block.name, arguments: JSON.stringify(block.input) },
      })
    } else if (block.type !== 'thinking' && block.type !== 'redacted_thinking') {
      // Thinking from an earlier turn is the model's own scratch work: dropped. Anything else is refused.
      throw unsupportedFeature(SELF, `"${block.type}" blocks in assistant messages`)
    }
  }
  return { role: 'assistant', content: content || null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) }
}

/** Tool results become `tool` messages, first (they answer the turn before); the rest one user message. */
function userMessages(blocks: AnthropicBlock[]): ChatMessage[] {
  const tools: ChatMessage[] = []
  const parts: ChatContentPart[] = []
  for (const block of blocks) {
    if (block.type === 'text' && 'text' in block) parts.push({ type: 'text', text: block.text })
    else if (block.type === 'image' && 'source' in block) {
      const url =
        block.source.type === 'base64'
          ? `data:${block.source.media_type};base64,${block.source.data}`
          : block.source.url
      parts.push({ type: 'image_url', image_url: { url } })
    } else if (block.type === 'tool_result' && 'tool_use_id' in block) {
      const content =
        typeof block.content === 'string'
          ? block.content
          : (block.content ?? [])
              .map((item) => {
                if (item.type !== 'text') throw unsupportedFeature(SELF, 'images inside tool results')
                return item.text
              })
              .join('')
      tools.push({ role: 'tool', tool_call_id: block.tool_use_id, content })
    } else throw unsupportedFeature(SELF, `"${block.type}" blocks`)
  }
  if (parts.length === 0) return tools
  const onlyText = parts.every((part) => part.type === 'text')
  const content = onlyText ? parts.map((part) => (part as { text: string }).text).join('\n') : parts
  return [...tools, { role: 'user', content }]
}

/** A ChatCompletion as Anthropic's `message` object. */
export function toAnthropicMessage(completion: ChatCompletion, usage: TokenUsage | null) {
  const choice = completion.choices[0]
  const content: Array<Record<string, unknown>> = []
  if (choice?.message.content) content.push({ type: 'text', text: choice.message.content })
  for (const call of choice?.message.tool_calls ?? []) {
    content.push({ type: 'tool_use', id: call.id, name: call.function.name, input: toolInput(call.function.arguments) })
  }
  return {
    id: anthropicMessageId(completion.id),
    type: 'message' as const,
    role: 'assistant' as const,
    model: completion.model,
    content,
    stop_reason: anthropicStopReason(choice?.finish_reason ?? null),
    stop_sequence: null,
    usage: anthropicUsage(usage),
  }
}

/** Anthropic's `input` must be an object; arguments a model garbled are kept under `_raw`. */
function toolInput(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json || '{}')
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // fall through
  }
  return { _raw: json }
}
