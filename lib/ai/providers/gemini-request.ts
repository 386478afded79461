import type { ChatMessage, ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { argumentsObject, parseDataUrl, partsOf, textOf, toolNamesById } from './chat-content'
import { unsupportedFeature } from './provider-errors'

// A ChatRequest as a Gemini generateContent request (https://ai.google.dev/api/generate-content):
// `contents` in user/model turns, system messages as `systemInstruction`, limits and sampling in
// `generationConfig`, images as `inlineData`, tools as `functionDeclarations`, and tool calls and
// results as functionCall / functionResponse parts (a result names its function, found by call id).

export const GEMINI = 'Gemini'

type Part = Record<string, unknown>
type Content = { role: 'user' | 'model'; parts: Part[] }

export function geminiPath(model: string, stream: boolean): string {
  const name = encodeURIComponent(model.replace(/^models\//, ''))
  return stream ? `/models/${name}:streamGenerateContent?alt=sse` : `/models/${name}:generateContent`
}

export function geminiBody(request: ChatRequest, _target: ProviderTarget): Record<string, unknown> {
  const names = toolNamesById(request.messages)
  const system: string[] = []
  const contents: Content[] = []
  for (const message of request.messages) {
    if (message.role === 'system' || message.role === 'developer') {
      if (Array.isArray(message.content) && message.content.some((part) => part.type !== 'text')) {
        throw unsupportedFeature(GEMINI, 'images in system messages')
      }
      system.push(textOf(message.content))
      continue
    }
    const content = toContent(message, names)
    if (content.parts.length === 0) continue
    const previous = contents[contents.length - 1]
    if (previous?.role === content.role) previous.parts.push(...content.parts)
    else contents.push(content)
  }
  const body: Record<string, unknown> = { contents }
  if (system.some(Boolean)) body.systemInstruction = { parts: [{ text: system.filter(Boolean).join('\n\n') }] }
  const config: Record<string, unknown> = {}
  const limit = request.max_completion_tokens ?? request.max_tokens
  if (limit !== undefined) config.maxOutputTokens = limit
  if (request.temperature !== undefined) config.temperature = request.temperature
  if (request.top_p !== undefined) config.topP = request.top_p
  if (request.stop !== undefined) config.stopSequences = [request.stop].flat()
  if (request.seed !== undefined) config.seed = request.seed
  if (request.response_format?.type === 'json_object') config.responseMimeType = 'application/json'
  if (request.response_format?.type === 'json_schema') {
    const schema = request.response_format.json_schema?.schema
    if (!schema || typeof schema !== 'object')
      throw unsupportedFeature(GEMINI, 'a json_schema response format without a schema')
    config.responseMimeType = 'application/json'
    config.responseJsonSchema = schema
  }
  if (Object.keys(config).length > 0) body.generationConfig = config
  if (request.tools?.length) {
    body.tools = [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.function.name,
          ...(tool.function.description ? { description: tool.function.description } : {}),
          ...(tool.function.parameters ? { parametersJsonSchema: tool.function.parameters } : {}),
        })),
      },
    ]
  }
  const choice = request.tool_choice
  if (choice) {
    body.toolConfig = {
      functionCallingConfig:
        typeof choice === 'object'
          ? { mode: 'ANY', allowedFunctionNames: [choice.function.name] }
          : { mode: ({ none: 'NONE', auto: 'AUTO', required: 'ANY' } as const)[choice] },
    }
  }
  return body
}

function toContent(message: ChatMessage, names: Map<string, string>): Content {
  if (message.role === 'tool') {
    const name = names.get(message.tool_call_id ?? '')
    if (!name) throw unsupportedFeature(GEMINI, 'a tool result whose tool call is not in the conversation')
    return { role: 'user', parts: [{ functionResponse: { name, response: toolResponse(textOf(message.content)) } }] }
  }
  const parts: Part[] = []
  for (const part of partsOf(message.content)) {
    if (part.type === 'text') {
      if (part.text) parts.push({ text: part.text })
      continue
    }
    if (message.role === 'assistant') throw unsupportedFeature(GEMINI, 'images in assistant messages')
    const data = parseDataUrl(part.image_url.url)
    if (!data) throw unsupportedFeature(GEMINI, 'images by URL (send them as data: URLs)')
    parts.push({ inlineData: { mimeType: data.mediaType, data: data.base64 } })
  }
  for (const call of message.tool_calls ?? []) {
    parts.push({ functionCall: { name: call.function.name, args: argumentsObject(GEMINI, call.function.arguments) } })
  }
  return { role: message.role === 'assistant' ? 'model' : 'user', parts }
}

/** Gemini wants an object: a JSON object result as it is, anything else under `content`. */
function toolResponse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // plain text
  }
  return { content: text }
}
