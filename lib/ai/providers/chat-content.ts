import type { ChatCompletionChunk, ChatContentPart, ChatMessage, FinishReason } from '../chat-types'
import type { TranslationContext } from '../provider-adapter'
import { unsupportedFeature } from './provider-errors'

// Small pieces every adapter needs: message content as parts or text, data: URLs, tool-call
// arguments as objects, and chunks stamped with Tollgate's id, the consumer's model and the time.

export function partsOf(content: ChatMessage['content']): ChatContentPart[] {
  if (content === null) return []
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content
}

export function textOf(content: ChatMessage['content']): string {
  if (content === null) return ''
  if (typeof content === 'string') return content
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}

export function hasImages(message: ChatMessage): boolean {
  return Array.isArray(message.content) && message.content.some((part) => part.type === 'image_url')
}

export type DataUrl = { mediaType: string; base64: string }

/** RFC 2397 `data:[<mediatype>][;base64],<data>`; null for any other URL. */
export function parseDataUrl(url: string): DataUrl | null {
  const match = /^data:([^,]*?),/i.exec(url)
  if (!match) return null
  const params = match[1].split(';')
  const base64 = params.some((param) => param.toLowerCase() === 'base64')
  const mediaType = (params[0] || 'text/plain').toLowerCase()
  const data = url.slice(match[0].length)
  return { mediaType, base64: base64 ? data : Buffer.from(decodeURIComponent(data), 'utf8').toString('base64') }
}

/** OpenAI carries tool-call arguments as a JSON string; the other providers want the object. */
export function argumentsObject(provider: string, json: string): Record<string, unknown> {
  if (json.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw unsupportedFeature(provider, 'tool-call arguments that are not valid JSON')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw unsupportedFeature(provider, 'tool-call arguments that are not a JSON object')
  }
  return value as Record<string, unknown>
}

/** The name of the function a tool message answers, found on the assistant turn that called it. */
export function toolNamesById(messages: ChatMessage[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const message of messages) for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name)
  return names
}

export type ChunkDelta = ChatCompletionChunk['choices'][number]['delta']

export function chunkOf(context: TranslationContext, delta: ChunkDelta, finish: FinishReason | null = null) {
  const chunk: ChatCompletionChunk = {
    id: context.id,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  }
  return chunk
}
