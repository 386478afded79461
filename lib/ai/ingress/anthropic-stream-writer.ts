import type { ChatCompletionChunk, FinishReason, TokenUsage } from '../chat-types'
import { anthropicMessageId, anthropicStopReason, anthropicUsage } from './anthropic-format'

// OpenAI chunks as Anthropic's stream (https://docs.anthropic.com/en/docs/build-with-claude/streaming):
// message_start (with the input tokens known so far), content_block_start / _delta / _stop for
// each text or tool_use block, message_delta (stop reason and the final usage), message_stop.

type OpenBlock = { kind: 'text'; index: number } | { kind: 'tool'; index: number; call: number }

const event = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`

export class AnthropicStreamWriter {
  private started = false
  private block: OpenBlock | null = null
  private nextIndex = 0
  private finish: FinishReason | null = null

  /** `inputTokens`: the count before the call (the gateway's estimate), final figures come at the end. */
  constructor(
    private readonly context: { id: string; model: string },
    private readonly inputTokens: number,
  ) {}

  /** The SSE text for one chunk (message_start first, on the first call). */
  push(chunk: ChatCompletionChunk): string {
    let out = this.start()
    const choice = chunk.choices[0]
    if (!choice) return out
    if (choice.delta.content) {
      if (this.block?.kind !== 'text') out += this.open({ type: 'text', text: '' }, null)
      out += event('content_block_delta', {
        index: this.block!.index,
        delta: { type: 'text_delta', text: choice.delta.content },
      })
    }
    for (const call of choice.delta.tool_calls ?? []) {
      if (this.block?.kind !== 'tool' || this.block.call !== call.index) {
        out += this.open(
          { type: 'tool_use', id: call.id ?? `toolu_${call.index}`, name: call.function?.name ?? '', input: {} },
          call.index,
        )
      }
      if (call.function?.arguments) {
        out += event('content_block_delta', {
          index: this.block!.index,
          delta: { type: 'input_json_delta', partial_json: call.function.arguments },
        })
      }
    }
    if (choice.finish_reason) this.finish = choice.finish_reason
    return out
  }

  /** The closing events, with the usage the provider reported (or the gateway estimated). */
  end(usage: TokenUsage | null): string {
    let out = this.start() + this.close()
    const final = anthropicUsage(usage)
    out += event('message_delta', {
      delta: { stop_reason: anthropicStopReason(this.finish), stop_sequence: null },
      usage: usage ? final : { output_tokens: 0 },
    })
    return out + event('message_stop', {})
  }

  /** An error after the stream began: Anthropic's `error` event (the HTTP status is already sent). */
  error(message: string, type = 'api_error'): string {
    return event('error', { error: { type, message } })
  }

  private start(): string {
    if (this.started) return ''
    this.started = true
    const message = {
      id: anthropicMessageId(this.context.id),
      type: 'message',
      role: 'assistant',
      model: this.context.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: this.inputTokens,
        output_tokens: 0,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    }
    return event('message_start', { message }) + event('ping', {})
  }

  private open(contentBlock: Record<string, unknown>, call: number | null): string {
    const out = this.close()
    const index = this.nextIndex++
    this.block = call === null ? { kind: 'text', index } : { kind: 'tool', index, call }
    return out + event('content_block_start', { index, content_block: contentBlock })
  }

  private close(): string {
    if (!this.block) return ''
    const out = event('content_block_stop', { index: this.block.index })
    this.block = null
    return out
  }
}
