import { z } from 'zod'
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatMessage,
  ChatRequest,
  ChatToolCall,
  TokenUsage,
} from '../chat-types'
import { toChatUsage } from '../chat-types'
import type { ProviderAdapter, StreamTranslator, TranslationContext } from '../provider-adapter'
import { argumentsObject, chunkOf, parseDataUrl, partsOf, textOf, toolNamesById } from './chat-content'
import { NdjsonDecoder } from './ndjson-decoder'
import { ollamaEmbeddings, ollamaEmbeddingsRequest } from './ollama-embeddings'
import { errorMessageOf, providerError, unsupportedFeature } from './provider-errors'

// Ollama's native chat API (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion):
// POST {base}/api/chat, NDJSON when streaming (Ollama streams by default, so `stream` is always
// sent), the token limit as options.num_predict, images as bare base64, tool-call arguments as
// objects, and the usage on the `done: true` line (prompt_eval_count, eval_count).

const OLLAMA = 'Ollama'

export const ollamaAdapter: ProviderAdapter = {
  kind: 'OLLAMA',
  chatRequest(request, target) {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...target.headers }
    if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`
    return {
      method: 'POST',
      path: '/api/chat',
      headers,
      body: JSON.stringify(ollamaBody(request, target.providerModel)),
    }
  },
  chatResponse(body, context) {
    const line = parseLine(body)
    const calls = (line.message?.tool_calls ?? []).map((call, index) => toolCall(context, index, call.function))
    const usage = ollamaUsage(line)
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
            content: line.message?.content || (calls.length > 0 ? null : ''),
            ...(calls.length > 0 ? { tool_calls: calls } : {}),
          },
          finish_reason: line.done_reason === 'length' ? 'length' : calls.length > 0 ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      ...(usage ? { usage: toChatUsage(usage) } : {}),
    }
    return { completion, usage }
  },
  chatStream: (context) => new OllamaStreamTranslator(context),
  embeddingsRequest: ollamaEmbeddingsRequest,
  embeddingsResponse: ollamaEmbeddings,
  errorMessage: errorMessageOf,
}

function ollamaBody(request: ChatRequest, model: string): Record<string, unknown> {
  if (request.tool_choice === 'required' || typeof request.tool_choice === 'object') {
    throw unsupportedFeature(OLLAMA, 'a tool_choice that forces a tool call')
  }
  const names = toolNamesById(request.messages)
  const options: Record<string, unknown> = {}
  const limit = request.max_completion_tokens ?? request.max_tokens
  if (limit !== undefined) options.num_predict = limit
  if (request.temperature !== undefined) options.temperature = request.temperature
  if (request.top_p !== undefined) options.top_p = request.top_p
  if (request.stop !== undefined) options.stop = [request.stop].flat()
  if (request.seed !== undefined) options.seed = request.seed
  const body: Record<string, unknown> = {
    model,
    messages: request.messages.map((message) => ollamaMessage(message, names)),
    stream: request.stream === true,
  }
  if (Object.keys(options).length > 0) body.options = options
  // tool_choice "none" is carried by not offering the tools.
  if (request.tools?.length && request.tool_choice !== 'none') body.tools = request.tools
  if (request.response_format?.type === 'json_object') body.format = 'json'
  if (request.response_format?.type === 'json_schema') {
    body.format = request.response_format.json_schema?.schema ?? 'json'
  }
  return body
}

function ollamaMessage(message: ChatMessage, names: Map<string, string>): Record<string, unknown> {
  const images: string[] = []
  for (const part of partsOf(message.content)) {
    if (part.type !== 'image_url') continue
    if (message.role !== 'user') throw unsupportedFeature(OLLAMA, `images in ${message.role} messages`)
    const data = parseDataUrl(part.image_url.url)
    if (!data) throw unsupportedFeature(OLLAMA, 'images by URL (send them as data: URLs)')
    images.push(data.base64)
  }
  const out: Record<string, unknown> = {
    role: message.role === 'developer' ? 'system' : message.role,
    content: textOf(message.content),
  }
  if (images.length > 0) out.images = images
  if (message.tool_calls?.length) {
    out.tool_calls = message.tool_calls.map((call) => ({
      function: { name: call.function.name, arguments: argumentsObject(OLLAMA, call.function.arguments) },
    }))
  }
  if (message.role === 'tool') {
    const name = names.get(message.tool_call_id ?? '')
    if (name) out.tool_name = name
  }
  return out
}

const lineSchema = z.object({
  message: z
    .object({
      content: z.string().nullish(),
      tool_calls: z.array(z.object({ function: z.object({ name: z.string(), arguments: z.unknown() }) })).nullish(),
    })
    .nullish(),
  done: z.boolean().nullish(),
  done_reason: z.string().nullish(),
  prompt_eval_count: z.number().int().nonnegative().nullish(),
  eval_count: z.number().int().nonnegative().nullish(),
  error: z.unknown().optional(),
})

type OllamaLine = z.infer<typeof lineSchema>

function parseLine(value: unknown): OllamaLine {
  const parsed = lineSchema.safeParse(value)
  if (!parsed.success) throw providerError('Ollama answered with something that is not a chat response.')
  if (parsed.data.error) throw providerError(errorMessageOf(200, parsed.data))
  return parsed.data
}

/** Ollama leaves prompt_eval_count out when it served the whole prompt from its cache: then null, and the gateway estimates. */
function ollamaUsage(line: OllamaLine): TokenUsage | null {
  if (!line.done || line.prompt_eval_count == null || line.eval_count == null) return null
  return { inputTokens: line.prompt_eval_count, outputTokens: line.eval_count, cachedInputTokens: 0, estimated: false }
}

function toolCall(context: TranslationContext, index: number, fn: { name: string; arguments: unknown }): ChatToolCall {
  const args = typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {})
  return {
    id: `${context.id.replace(/^chatcmpl-/, 'call_')}_${index}`,
    type: 'function',
    function: { name: fn.name, arguments: args },
  }
}

class OllamaStreamTranslator implements StreamTranslator {
  private readonly lines = new NdjsonDecoder(OLLAMA)
  private reported: TokenUsage | null = null
  private started = false
  private calls = 0

  constructor(private readonly context: TranslationContext) {}

  push(bytes: Uint8Array) {
    return this.lines.push(bytes).flatMap((value) => this.translate(value))
  }

  end() {
    return this.lines.end().flatMap((value) => this.translate(value))
  }

  usage() {
    return this.reported
  }

  private translate(value: unknown): ChatCompletionChunk[] {
    const line = parseLine(value)
    const chunks: ChatCompletionChunk[] = []
    if (!this.started) {
      this.started = true
      chunks.push(chunkOf(this.context, { role: 'assistant', content: '' }))
    }
    if (line.message?.content) chunks.push(chunkOf(this.context, { content: line.message.content }))
    for (const call of line.message?.tool_calls ?? []) {
      const index = this.calls++
      const { id, function: fn } = toolCall(this.context, index, call.function)
      chunks.push(chunkOf(this.context, { tool_calls: [{ index, id, type: 'function', function: fn }] }))
    }
    if (line.done) {
      this.reported = ollamaUsage(line) ?? this.reported
      const finish = line.done_reason === 'length' ? 'length' : this.calls > 0 ? 'tool_calls' : 'stop'
      chunks.push(chunkOf(this.context, {}, finish))
    }
    return chunks
  }
}
