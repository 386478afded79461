import { AppError } from '@/lib/errors/app-error'
import type { ChatCompletion, ChatRequest, TokenUsage } from '../chat-types'
import { countTextTokens } from '../count-tokens'
import type { TranslationContext } from '../provider-adapter'
import type { AiTarget } from './ai-route-types'
import { chatRequestFor, readProviderJson, sendToProvider, type ChatSendOptions } from './send-to-provider'

// A non-streamed AI call down its route, read to the end: one answer, or, when the caller checks
// the answer (a prompt's output schema), up to `maxAnswers` of them until one passes. The gateway
// (answer-from-provider.ts) and the prompt playground (lib/ai/prompt/run-prompt-draft.ts) both
// answer through here. Every answer the provider gave is counted in `usage`: the provider billed
// each of them, whatever the check said.

export type AnswerCheck<T> = (text: string) => { ok: true; value: T } | { ok: false; reason: string }

export type CheckedAnswer<T> =
  | {
      ok: true
      target: AiTarget
      completion: ChatCompletion
      /** The answer's text (content, or the tool calls' names and arguments). */
      text: string
      value: T | undefined
      /** Every answer's tokens, summed; estimated if any answer came without usage. */
      usage: TokenUsage
      /** Provider requests sent (fallbacks and retries included). */
      attempts: number
      answers: number
    }
  | {
      ok: false
      error: AppError
      /** The target whose answers were consumed (null when no provider answered). */
      target: AiTarget | null
      usage: TokenUsage
      attempts: number
      answers: number
    }

export const INVALID_MODEL_OUTPUT = 'invalid_model_output'

export async function completeChecked<T>(
  request: ChatRequest,
  targets: readonly AiTarget[],
  options: ChatSendOptions & { context: TranslationContext; inputTokens: number },
  check?: { test: AnswerCheck<T>; maxAnswers: number },
): Promise<CheckedAnswer<T>> {
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, estimated: false }
  let attempts = 0
  let answers = 0
  let target: AiTarget | null = null
  let reason = ''
  const maxAnswers = check ? Math.max(1, check.maxAnswers) : 1
  const build = chatRequestFor(request, options.requested, options.forTarget)
  while (answers < maxAnswers) {
    const answer = await sendToProvider(build, targets, options)
    attempts += Math.max(1, answer.attempts)
    if (!answer.ok) return { ok: false, error: answer.error, target, usage, attempts, answers }
    target = answer.target
    const body = await readProviderJson(answer.target, answer.response)
    const { completion, usage: reported } = answer.adapter.chatResponse(body, options.context)
    answers += 1
    const message = completion.choices[0]?.message
    const text =
      (message?.content ?? '') + (message?.tool_calls ?? []).map((c) => c.function.name + c.function.arguments).join('')
    add(usage, reported ?? estimate(options.inputTokens, text))
    if (!check) return { ok: true, target, completion, text, value: undefined, usage, attempts, answers }
    const verdict = check.test(text)
    if (verdict.ok) return { ok: true, target, completion, text, value: verdict.value, usage, attempts, answers }
    reason = verdict.reason
  }
  const error = new AppError({
    code: INVALID_MODEL_OUTPUT,
    status: 502,
    message: `The model's answer did not match the output schema ${answers === 1 ? 'once' : `${answers} times`}: ${reason}`,
  })
  return { ok: false, error, target, usage, attempts, answers }
}

function estimate(inputTokens: number, text: string): TokenUsage {
  return { inputTokens, outputTokens: countTextTokens(text), cachedInputTokens: 0, estimated: true }
}

function add(total: TokenUsage, more: TokenUsage): void {
  total.inputTokens += more.inputTokens
  total.outputTokens += more.outputTokens
  total.cachedInputTokens += more.cachedInputTokens
  total.estimated ||= more.estimated
}
