import type { ChatCompletionChunk, TokenUsage } from '../chat-types'
import type { AnswerFormat } from '../gateway/answer-formats'
import { INVALID_MODEL_OUTPUT } from '../gateway/complete-checked'
import { checkModelOutput } from './output-schema'

// How a prompt API answers (its generated contract, build-prompt-contract.ts, says the same):
//   JSON: {"output": text | object, "model", "usage": {input_tokens, output_tokens, total_tokens}, "cost"}
//   SSE:  `event: delta` {"text"} as the text comes, then one `event: done` {output, model, usage, cost}.
// A streamed answer cannot be asked for twice (its text is already out): with an output schema it
// is validated at the end, and an invalid one ends with `event: error` {code: invalid_model_output,
// message, model, usage, cost} instead of `done` (the tokens were consumed and are billed, once).

const event = (name: string, value: unknown) => `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`

export function promptUsage(usage: TokenUsage) {
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  }
}

export function promptFormat(outputSchema: Record<string, unknown> | null): AnswerFormat {
  return {
    complete: (_completion, usage, cost, { output, served }) => ({
      output,
      model: served,
      usage: promptUsage(usage),
      cost,
    }),
    stream(_context, _inputTokens, served) {
      let text = ''
      return {
        chunk(chunk: ChatCompletionChunk) {
          const piece = chunk.choices[0]?.delta?.content ?? ''
          if (!piece) return ''
          text += piece
          return event('delta', { text: piece })
        },
        end(usage, cost) {
          const billed = { model: served, usage: promptUsage(usage), cost }
          if (!outputSchema) return event('done', { output: text, ...billed })
          const checked = checkModelOutput(outputSchema, text)
          if (checked.ok) return event('done', { output: checked.value, ...billed })
          return event('error', {
            code: INVALID_MODEL_OUTPUT,
            message: `The model's answer did not match the output schema: ${checked.reason}`,
            ...billed,
          })
        },
        error: (message) => event('error', { code: 'provider_error', message }),
      }
    },
  }
}
