import { z } from 'zod'
import type { ChatCompletionChunk, TokenUsage } from '../chat-types'
import type { StreamTranslator, TranslationContext } from '../provider-adapter'
import { anthropicFinishReason, anthropicUsageSchema, fromAnthropicUsage } from './anthropic-wire'
import { chunkOf } from './chat-content'
import { errorMessageOf, providerError } from './provider-errors'
import { parseEventJson, SseDecoder } from './sse-decoder'

// Anthropic's stream (https://docs.anthropic.com/en/docs/build-with-claude/streaming) as OpenAI
// chunks: message_start carries the input usage, content_block_start opens a text or tool_use
// block, content_block_delta carries text_delta / input_json_delta, message_delta the stop reason
// and the output usage, and `error` is the provider failing mid-stream.

const eventSchema = z.object({
  type: z.string(),
  index: z.number().int().optional(),
  message: z.object({ usage: anthropicUsageSchema.nullish() }).optional(),
  content_block: z.object({ type: z.string(), id: z.string().optional(), name: z.string().optional() }).optional(),
  delta: z
    .object({
      type: z.string().optional(),
      text: z.string().optional(),
      partial_json: z.string().optional(),
      stop_reason: z.string().nullish(),
    })
    .optional(),
  usage: anthropicUsageSchema.nullish(),
})

type Usage = z.infer<typeof anthropicUsageSchema>

export class AnthropicStreamTranslator implements StreamTranslator {
  private readonly sse = new SseDecoder()
  private reported: Usage | null = null
  /** Anthropic block index → OpenAI tool-call index. */
  private readonly toolIndex = new Map<number, number>()

  constructor(private readonly context: TranslationContext) {}

  push(bytes: Uint8Array) {
    return this.sse.push(bytes).flatMap((event) => this.translate(event.data))
  }

  end() {
    return this.sse.end().flatMap((event) => this.translate(event.data))
  }

  usage(): TokenUsage | null {
    return this.reported ? fromAnthropicUsage(this.reported) : null
  }

  private translate(data: string): ChatCompletionChunk[] {
    const parsed = eventSchema.safeParse(parseEventJson(data, 'Anthropic'))
    if (!parsed.success) throw providerError('Anthropic sent a stream event that is not in its format.')
    const event = parsed.data
    switch (event.type) {
      case 'message_start':
        if (event.message?.usage) this.merge(event.message.usage)
        return [chunkOf(this.context, { role: 'assistant', content: '' })]
      case 'content_block_start': {
        const block = event.content_block
        if (block?.type !== 'tool_use' || event.index === undefined) return []
        const index = this.toolIndex.size
        this.toolIndex.set(event.index, index)
        const call = { index, id: block.id ?? `toolu_${index}`, type: 'function' as const }
        return [
          chunkOf(this.context, { tool_calls: [{ ...call, function: { name: block.name ?? '', arguments: '' } }] }),
        ]
      }
      case 'content_block_delta': {
        if (event.delta?.type === 'text_delta' && event.delta.text) {
          return [chunkOf(this.context, { content: event.delta.text })]
        }
        const index = this.toolIndex.get(event.index ?? -1)
        if (event.delta?.type === 'input_json_delta' && index !== undefined && event.delta.partial_json) {
          return [chunkOf(this.context, { tool_calls: [{ index, function: { arguments: event.delta.partial_json } }] })]
        }
        return []
      }
      case 'message_delta':
        if (event.usage) this.merge(event.usage)
        return event.delta?.stop_reason
          ? [chunkOf(this.context, {}, anthropicFinishReason(event.delta.stop_reason))]
          : []
      case 'error':
        throw providerError(errorMessageOf(200, JSON.parse(data)))
      default:
        // ping, content_block_stop, message_stop, and event types added later.
        return []
    }
  }

  /** message_delta's counters are cumulative totals: each one present replaces the last. */
  private merge(usage: Usage) {
    const next: Usage = { ...this.reported }
    for (const [key, value] of Object.entries(usage) as Array<[keyof Usage, number | null | undefined]>) {
      if (value !== null && value !== undefined) next[key] = value
    }
    this.reported = next
  }
}
