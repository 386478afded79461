import { z } from 'zod'
import type { ChatCompletion, ChatCompletionChunk, ChatToolCall, FinishReason, TokenUsage } from '../chat-types'
import { toChatUsage } from '../chat-types'
import type { ProviderAdapter, StreamTranslator, TranslationContext } from '../provider-adapter'
import { chunkOf } from './chat-content'
import { geminiEmbeddings, geminiEmbeddingsRequest } from './gemini-embeddings'
import { GEMINI, geminiBody, geminiPath } from './gemini-request'
import { errorMessageOf, providerError } from './provider-errors'
import { parseEventJson, SseDecoder } from './sse-decoder'

// Google's Gemini API: POST {base}/models/{model}:generateContent, or :streamGenerateContent?alt=sse
// for a stream of GenerateContentResponse objects, with the key in x-goog-api-key.

export const geminiAdapter: ProviderAdapter = {
  kind: 'GEMINI',
  chatRequest(request, target) {
    const body = geminiBody(request, target)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...target.headers }
    if (target.apiKey) headers['x-goog-api-key'] = target.apiKey
    return {
      method: 'POST',
      path: geminiPath(target.providerModel, request.stream === true),
      headers,
      body: JSON.stringify(body),
    }
  },
  chatResponse(body, context) {
    const response = parseResponse(body)
    const calls: ChatToolCall[] = []
    let text = ''
    for (const part of response.candidates?.[0]?.content?.parts ?? []) {
      if (part.functionCall) calls.push(toolCall(context, calls.length, part.functionCall))
      else if (part.text && !part.thought) text += part.text
    }
    const usage = geminiUsage(response.usageMetadata)
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
            content: text || (calls.length > 0 || blocked(response) ? null : ''),
            ...(calls.length > 0 ? { tool_calls: calls } : {}),
          },
          finish_reason: finishOf(response, calls.length > 0) ?? 'stop',
          logprobs: null,
        },
      ],
      ...(usage ? { usage: toChatUsage(usage) } : {}),
    }
    return { completion, usage }
  },
  chatStream: (context) => new GeminiStreamTranslator(context),
  embeddingsRequest: geminiEmbeddingsRequest,
  embeddingsResponse: geminiEmbeddings,
  errorMessage: errorMessageOf,
}

const usageSchema = z.object({
  promptTokenCount: z.number().int().nonnegative().nullish(),
  candidatesTokenCount: z.number().int().nonnegative().nullish(),
  cachedContentTokenCount: z.number().int().nonnegative().nullish(),
  thoughtsTokenCount: z.number().int().nonnegative().nullish(),
  toolUsePromptTokenCount: z.number().int().nonnegative().nullish(),
})

const responseSchema = z.object({
  candidates: z
    .array(
      z.object({
        content: z
          .object({
            parts: z
              .array(
                z.object({
                  text: z.string().nullish(),
                  thought: z.boolean().nullish(),
                  functionCall: z.object({ id: z.string().nullish(), name: z.string(), args: z.unknown() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finishReason: z.string().nullish(),
      }),
    )
    .nullish(),
  promptFeedback: z.object({ blockReason: z.string().nullish() }).nullish(),
  usageMetadata: usageSchema.nullish(),
  error: z.unknown().optional(),
})

type GeminiResponse = z.infer<typeof responseSchema>

function parseResponse(body: unknown): GeminiResponse {
  const parsed = responseSchema.safeParse(Array.isArray(body) ? body[0] : body)
  if (!parsed.success) throw providerError('Gemini answered with a body that is not a GenerateContentResponse.')
  if (parsed.data.error) throw providerError(errorMessageOf(200, parsed.data))
  return parsed.data
}

/** Thinking tokens are billed as output; tool-use prompt tokens as input; cached ones are in the prompt count. */
function geminiUsage(usage: z.infer<typeof usageSchema> | null | undefined): TokenUsage | null {
  if (!usage || usage.promptTokenCount == null) return null
  return {
    inputTokens: usage.promptTokenCount + (usage.toolUsePromptTokenCount ?? 0),
    outputTokens: (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0),
    cachedInputTokens: usage.cachedContentTokenCount ?? 0,
    estimated: false,
  }
}

const blocked = (response: GeminiResponse) => Boolean(response.promptFeedback?.blockReason)

const FILTERED = ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'LANGUAGE']

function finishOf(response: GeminiResponse, calledTools: boolean): FinishReason | null {
  if (blocked(response) && !response.candidates?.length) return 'content_filter'
  const reason = response.candidates?.[0]?.finishReason
  if (!reason) return null
  if (reason === 'MAX_TOKENS') return 'length'
  if (FILTERED.includes(reason)) return 'content_filter'
  return calledTools ? 'tool_calls' : 'stop'
}

function toolCall(
  context: TranslationContext,
  index: number,
  call: { id?: string | null; name: string; args: unknown },
) {
  return {
    id: call.id ?? `${context.id.replace(/^chatcmpl-/, 'call_')}_${index}`,
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.args ?? {}) },
  }
}

/** Each SSE event is a whole GenerateContentResponse; usageMetadata is cumulative, the last one wins. */
class GeminiStreamTranslator implements StreamTranslator {
  private readonly sse = new SseDecoder()
  private reported: TokenUsage | null = null
  private started = false
  private calls = 0

  constructor(private readonly context: TranslationContext) {}

  push(bytes: Uint8Array) {
    return this.sse.push(bytes).flatMap((event) => this.translate(event.data))
  }

  end() {
    return this.sse.end().flatMap((event) => this.translate(event.data))
  }

  usage() {
    return this.reported
  }

  private translate(data: string): ChatCompletionChunk[] {
    const response = parseResponse(parseEventJson(data, GEMINI))
    this.reported = geminiUsage(response.usageMetadata) ?? this.reported
    const chunks: ChatCompletionChunk[] = []
    if (!this.started) {
      this.started = true
      chunks.push(chunkOf(this.context, { role: 'assistant', content: '' }))
    }
    for (const part of response.candidates?.[0]?.content?.parts ?? []) {
      if (part.functionCall) {
        const index = this.calls++
        const { id, function: fn } = toolCall(this.context, index, part.functionCall)
        chunks.push(chunkOf(this.context, { tool_calls: [{ index, id, type: 'function', function: fn }] }))
      } else if (part.text && !part.thought) {
        chunks.push(chunkOf(this.context, { content: part.text }))
      }
    }
    const finish = finishOf(response, this.calls > 0)
    if (finish) chunks.push(chunkOf(this.context, {}, finish))
    return chunks
  }
}
