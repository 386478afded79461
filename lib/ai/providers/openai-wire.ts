import { z } from 'zod'
import type { AiProviderKind } from '@/generated/sqlite/enums'
import type { ChatCompletion, ChatRequest, ChatToolCall, FinishReason, TokenUsage } from '../chat-types'
import { toChatUsage } from '../chat-types'
import type { ProviderAdapter, ProviderTarget, StreamTranslator, TranslationContext } from '../provider-adapter'
import { chunkOf, type ChunkDelta } from './chat-content'
import { openAiEmbeddings, openAiEmbeddingsBody } from './openai-embeddings'
import { errorMessageOf, providerError } from './provider-errors'
import { parseEventJson, SseDecoder } from './sse-decoder'

// OpenAI's Chat Completions wire (https://platform.openai.com/docs/api-reference/chat), shared by
// OpenAI itself and every OpenAI-compatible server. Tollgate's canonical types are this format, so
// the request goes out nearly as it came in and the answers need only Tollgate's id and model.

export type OpenAiWireOptions = {
  kind: AiProviderKind
  label: string
  /** The request body for this flavour of the wire (token-limit field, roles). */
  shapeBody(request: ChatRequest, target: ProviderTarget): Record<string, unknown>
  /** Whether to send `Authorization: Bearer <key>` given the operator's extra headers. */
  sendsBearer(target: ProviderTarget): boolean
}

export function openAiWireAdapter(options: OpenAiWireOptions): ProviderAdapter {
  return {
    kind: options.kind,
    chatRequest(request, target) {
      const body = options.shapeBody(request, target)
      body.model = target.providerModel
      if (request.stream) {
        // Ask for the usage chunk; servers that ignore it still stream, and usage then stays null.
        body.stream = true
        body.stream_options = { include_usage: true }
      } else {
        delete body.stream
        delete body.stream_options
      }
      return {
        method: 'POST',
        path: '/chat/completions',
        headers: headersFor(options, target),
        body: JSON.stringify(body),
      }
    },
    chatResponse: (body, context) => openAiCompletion(options.label, body, context),
    chatStream: (context) => new OpenAiStreamTranslator(options.label, context),
    embeddingsRequest: (request, target) => ({
      method: 'POST',
      path: '/embeddings',
      headers: headersFor(options, target),
      body: JSON.stringify(openAiEmbeddingsBody(request, target)),
    }),
    embeddingsResponse: (body, inputs) => openAiEmbeddings(options.label, body, inputs),
    errorMessage: errorMessageOf,
  }
}

function headersFor(options: OpenAiWireOptions, target: ProviderTarget): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...target.headers }
  if (target.apiKey && options.sendsBearer(target)) headers.authorization = `Bearer ${target.apiKey}`
  return headers
}

const usageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().int().nonnegative().nullish() }).nullish(),
})

const toolCallSchema = z.object({
  id: z.string(),
  function: z.object({ name: z.string(), arguments: z.string().nullish() }),
})

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(toolCallSchema).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.unknown().optional(),
})

const chunkSchema = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().int().nullish(),
        delta: z
          .object({
            role: z.string().nullish(),
            content: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  index: z.number().int().nullish(),
                  id: z.string().nullish(),
                  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.unknown().optional(),
  error: z.unknown().optional(),
})

export function openAiFinishReason(reason: string | null | undefined): FinishReason | null {
  if (reason === null || reason === undefined) return null
  if (reason === 'length' || reason === 'tool_calls' || reason === 'content_filter') return reason
  if (reason === 'function_call') return 'tool_calls'
  return 'stop'
}

/** OpenAI's usage object; null when absent or not in OpenAI's shape. */
export function openAiUsage(value: unknown): TokenUsage | null {
  const parsed = usageSchema.safeParse(value)
  if (!parsed.success) return null
  return {
    inputTokens: parsed.data.prompt_tokens,
    outputTokens: parsed.data.completion_tokens,
    cachedInputTokens: parsed.data.prompt_tokens_details?.cached_tokens ?? 0,
    estimated: false,
  }
}

function openAiCompletion(label: string, body: unknown, context: TranslationContext) {
  const parsed = completionSchema.safeParse(body)
  if (!parsed.success) throw providerError(`${label} answered with a body that is not a chat completion.`)
  const choice = parsed.data.choices[0]
  const toolCalls: ChatToolCall[] = (choice.message.tool_calls ?? []).map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.function.name, arguments: call.function.arguments ?? '' },
  }))
  const usage = openAiUsage(parsed.data.usage)
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
          content: choice.message.content ?? choice.message.refusal ?? null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: openAiFinishReason(choice.finish_reason),
        logprobs: null,
      },
    ],
    ...(usage ? { usage: toChatUsage(usage) } : {}),
  }
  return { completion, usage }
}

/** Chunks pass through re-stamped; usage-only chunks are absorbed into `usage()`. */
class OpenAiStreamTranslator implements StreamTranslator {
  private readonly sse = new SseDecoder()
  private reported: TokenUsage | null = null
  private done = false

  constructor(
    private readonly label: string,
    private readonly context: TranslationContext,
  ) {}

  push(bytes: Uint8Array) {
    return this.translate(this.sse.push(bytes))
  }

  end() {
    return this.translate(this.sse.end())
  }

  usage() {
    return this.reported
  }

  private translate(events: { data: string }[]) {
    const chunks = []
    for (const event of events) {
      if (this.done) break
      if (event.data.trim() === '[DONE]') {
        this.done = true
        break
      }
      const parsed = chunkSchema.safeParse(parseEventJson(event.data, this.label))
      if (!parsed.success) throw providerError(`${this.label} sent a stream event that is not a chunk.`)
      if (parsed.data.error !== undefined && parsed.data.error !== null) {
        throw providerError(errorMessageOf(200, parsed.data))
      }
      this.reported = openAiUsage(parsed.data.usage) ?? this.reported
      const choice = parsed.data.choices?.find((item) => (item.index ?? 0) === 0)
      if (!choice) continue
      const delta: ChunkDelta = {}
      if (choice.delta?.role) delta.role = 'assistant'
      if (typeof choice.delta?.content === 'string') delta.content = choice.delta.content
      const calls = choice.delta?.tool_calls ?? []
      if (calls.length > 0) {
        delta.tool_calls = calls.map((call, position) => ({
          index: call.index ?? position,
          ...(call.id ? { id: call.id, type: 'function' as const } : {}),
          function: {
            ...(call.function?.name ? { name: call.function.name } : {}),
            arguments: call.function?.arguments ?? '',
          },
        }))
      }
      const finish = openAiFinishReason(choice.finish_reason)
      if (Object.keys(delta).length === 0 && finish === null) continue
      chunks.push(chunkOf(this.context, delta, finish))
    }
    return chunks
  }
}
