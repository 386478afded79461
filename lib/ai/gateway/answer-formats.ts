import type { ChatCompletion, ChatCompletionChunk, TokenUsage } from '../chat-types'
import { toChatUsage } from '../chat-types'
import { AnthropicStreamWriter, toAnthropicMessage } from '../ingress/anthropic-messages'
import type { TranslationContext } from '../provider-adapter'

// How an answer goes back to the consumer: OpenAI's Chat Completions format on /chat/completions,
// Anthropic's Messages format on /messages. Inside, both are the canonical OpenAI objects.

export interface StreamWriter {
  /** The SSE text for one chunk ("" when the chunk carries nothing for this format). */
  chunk(chunk: ChatCompletionChunk): string
  /** The closing events: the final usage (with `cost`, an exact decimal) where the format has them. */
  end(usage: TokenUsage, cost: string): string
  /** A failure after the stream began; the HTTP status is already sent. */
  error(message: string): string
}

/** What the gateway knows of an answer beyond the completion: its checked output, and the model that served. */
export type AnswerFacts = { output: string | Record<string, unknown>; served: string }

export interface AnswerFormat {
  complete(completion: ChatCompletion, usage: TokenUsage, cost: string, facts: AnswerFacts): unknown
  /** `served`: the team model that serves the stream (after any fallback). */
  stream(context: TranslationContext, inputTokens: number, served: string): StreamWriter
}

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`

export function openAiFormat(includeUsage: boolean): AnswerFormat {
  return {
    complete: (completion, usage, cost) => ({ ...completion, usage: { ...toChatUsage(usage), cost } }),
    stream: (context) => ({
      chunk(chunk) {
        // Usage goes out once, in the final chunk, with what it cost.
        if (chunk.choices.length === 0) return ''
        if (chunk.usage !== undefined) {
          const { usage: _usage, ...rest } = chunk
          return data(rest)
        }
        return data(chunk)
      },
      end(usage, cost) {
        const final = includeUsage
          ? data({
              id: context.id,
              object: 'chat.completion.chunk',
              created: context.created,
              model: context.model,
              choices: [],
              usage: { ...toChatUsage(usage), cost },
            })
          : ''
        return final + 'data: [DONE]\n\n'
      },
      // The openai SDK raises an APIError for an event carrying `error`.
      error: (message) => data({ error: { message, type: 'api_error', code: 'provider_error' } }),
    }),
  }
}

export const anthropicFormat: AnswerFormat = {
  complete: (completion, usage) => toAnthropicMessage(completion, usage),
  stream(context, inputTokens) {
    const writer = new AnthropicStreamWriter(context, inputTokens)
    return {
      chunk: (chunk) => writer.push(chunk),
      end: (usage) => writer.end(usage),
      error: (message) => writer.error(message),
    }
  },
}
