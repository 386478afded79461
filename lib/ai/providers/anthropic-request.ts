import type { ChatMessage, ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { argumentsObject, parseDataUrl, partsOf, textOf } from './chat-content'
import { unsupportedFeature } from './provider-errors'

// A ChatRequest as an Anthropic Messages request (https://docs.anthropic.com/en/api/messages):
// system messages lifted into `system`, tool results as `tool_result` blocks in a user turn,
// consecutive turns of one role merged (Anthropic wants them alternating), images as `source`
// blocks, tools with `input_schema`, and a max_tokens always (Anthropic requires one).

export const ANTHROPIC = 'Anthropic'
/** When neither the request nor the model configuration gives a limit. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp']

type Block = Record<string, unknown>
type Turn = { role: 'user' | 'assistant'; content: Block[] }

export function anthropicBody(request: ChatRequest, target: ProviderTarget): Record<string, unknown> {
  if (request.response_format && request.response_format.type !== 'text') {
    throw unsupportedFeature(ANTHROPIC, `response_format "${request.response_format.type}"`)
  }
  if (request.temperature !== undefined && request.temperature > 1) {
    throw unsupportedFeature(ANTHROPIC, 'a temperature above 1')
  }
  const system: string[] = []
  const turns: Turn[] = []
  for (const message of request.messages) {
    if (message.role === 'system' || message.role === 'developer') {
      if (Array.isArray(message.content) && message.content.some((part) => part.type !== 'text')) {
        throw unsupportedFeature(ANTHROPIC, 'images in system messages')
      }
      system.push(textOf(message.content))
      continue
    }
    const turn = toTurn(message)
    if (turn.content.length === 0) continue
    const previous = turns[turns.length - 1]
    if (previous?.role === turn.role) previous.content.push(...turn.content)
    else turns.push(turn)
  }
  const body: Record<string, unknown> = {
    model: target.providerModel,
    max_tokens:
      request.max_completion_tokens ?? request.max_tokens ?? target.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages: turns,
  }
  if (system.some(Boolean)) body.system = system.filter(Boolean).join('\n\n')
  if (request.temperature !== undefined) body.temperature = request.temperature
  if (request.top_p !== undefined) body.top_p = request.top_p
  if (request.stop !== undefined) body.stop_sequences = [request.stop].flat()
  if (request.user) body.metadata = { user_id: request.user }
  if (request.stream) body.stream = true
  if (request.tools?.length) {
    body.tools = request.tools.map((tool) => ({
      name: tool.function.name,
      ...(tool.function.description ? { description: tool.function.description } : {}),
      input_schema: tool.function.parameters ?? { type: 'object', properties: {} },
    }))
  }
  const choice = request.tool_choice
  if (choice) {
    body.tool_choice =
      typeof choice === 'object'
        ? { type: 'tool', name: choice.function.name }
        : { type: ({ none: 'none', auto: 'auto', required: 'any' } as const)[choice] }
  }
  return body
}

function toTurn(message: ChatMessage): Turn {
  if (message.role === 'tool') {
    const content = textOf(message.content)
    return {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: message.tool_call_id ?? '', ...(content ? { content } : {}) }],
    }
  }
  const content: Block[] = []
  for (const part of partsOf(message.content)) {
    if (part.type === 'text') {
      // Anthropic refuses empty text blocks.
      if (part.text) content.push({ type: 'text', text: part.text })
    } else if (message.role === 'assistant') {
      throw unsupportedFeature(ANTHROPIC, 'images in assistant messages')
    } else {
      content.push({ type: 'image', source: imageSource(part.image_url.url) })
    }
  }
  for (const call of message.tool_calls ?? []) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: argumentsObject(ANTHROPIC, call.function.arguments),
    })
  }
  return { role: message.role === 'assistant' ? 'assistant' : 'user', content }
}

function imageSource(url: string): Block {
  const data = parseDataUrl(url)
  if (!data) return { type: 'url', url }
  if (!IMAGE_TYPES.includes(data.mediaType)) throw unsupportedFeature(ANTHROPIC, `images of type ${data.mediaType}`)
  return { type: 'base64', media_type: data.mediaType, data: data.base64 }
}
