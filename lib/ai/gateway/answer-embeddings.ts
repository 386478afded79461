import { performance } from 'node:perf_hooks'
import { microsToDecimal } from '@/lib/billing/money'
import { AppError } from '@/lib/errors/app-error'
import { toAppError } from '@/lib/errors/to-problem'
import type { ChargingStep } from '@/lib/gateway/charging-step'
import type { GatewayCall } from '@/lib/gateway/gateway-call'
import type { TokenUsage } from '../chat-types'
import { countBudget, countTextTokens, loadTokenizer } from '../count-tokens'
import type { EmbeddingsEncoding } from '../ingress/embeddings-request-schema'
import type { EmbeddingsRequest } from '../provider-adapter'
import { encodeFloat32Base64 } from '../providers/embedding-vectors'
import type { AiTarget } from './ai-route-types'
import { bill, sendAiJson } from './answer-from-provider'
import { readProviderJson, sendToProvider } from './send-to-provider'
import type { TargetHealth } from './target-health'

// POST /embeddings on an AI_CHAT version: the request goes down the embedding model's route like a
// chat call (fallback, cooldown), and the answer is OpenAI's embeddings list, each vector as floats
// or as base64 float32 (what the official SDK asks for by default). Billed per input token at the
// provider's reported usage, or the tokenizer's count, marked estimated, when it reports none
// (Gemini never does); there are no output tokens.

/**
 * Per-input tokens the tokenizer's count may miss: embedding models of the BERT family wrap each
 * input in [CLS] ... [SEP], others in BOS/EOS. The reservation covers them; the bill is the usage.
 */
export const EMBEDDING_MARGIN_PER_INPUT = 2

export type PreparedEmbeddingsCall = {
  call: GatewayCall
  request: EmbeddingsRequest
  encoding: EmbeddingsEncoding
  targets: readonly AiTarget[]
  /** The tokenizer's count of the input (token-id inputs count their ids), without the margin. */
  countedTokens: number
  health: TargetHealth
  charging: ChargingStep
  settleTokens(used: number): void
}

/** Each input's tokens as OpenAI counts them: a text's tokens, or a token-id list's length. */
export function countEmbeddingInputs(request: EmbeddingsRequest): number[] {
  loadTokenizer()
  const budget = countBudget()
  return request.input.map((item) => (typeof item === 'string' ? countTextTokens(item, budget) : item.length))
}

/**
 * The route's targets whose context window holds the longest input (each input is embedded on its
 * own, so each must fit), in route order; when none does, the 400 the caller answers before any
 * provider call, so a call no provider could take is never sent, reserved or charged.
 */
export function targetsFittingContext(
  targets: readonly AiTarget[],
  inputTokens: readonly number[],
): { ok: true; targets: readonly AiTarget[] } | { ok: false; error: AppError } {
  const longest = Math.max(0, ...inputTokens)
  const fitting = targets.filter((t) => t.contextWindow >= longest)
  if (fitting.length > 0) return { ok: true, targets: fitting }
  const window = Math.max(...targets.map((t) => t.contextWindow))
  const index = inputTokens.indexOf(longest)
  return {
    ok: false,
    error: new AppError({
      code: 'context_length_exceeded',
      status: 400,
      message: `This model's maximum context length is ${window} tokens, but input ${index} has ${longest} tokens. Shorten or split it.`,
      extra: { param: 'input', contextWindow: window, inputTokens: longest, inputIndex: index },
    }),
  }
}

export async function answerEmbeddings(prepared: PreparedEmbeddingsCall): Promise<void> {
  const { call, request } = prepared
  call.forwarded = true
  call.upstreamStartedAt = performance.now()
  let used = 0
  try {
    const answer = await sendToProvider(
      (adapter, target) => adapter.embeddingsRequest(request, target.provider),
      prepared.targets,
      { timeoutMs: call.route!.timeoutMs, health: prepared.health, requestId: call.requestId },
    )
    call.attempts = Math.max(1, answer.attempts)
    if (!answer.ok) return call.respondProblem(answer.error)
    call.upstreamMs = performance.now() - call.upstreamStartedAt
    const { target, adapter } = answer
    call.provider = target.modelName
    const body = await readProviderJson(target, answer.response)
    const { vectors, inputTokens } = adapter.embeddingsResponse(body, request.input.length)
    const usage: TokenUsage = {
      inputTokens: inputTokens ?? prepared.countedTokens,
      outputTokens: 0,
      cachedInputTokens: 0,
      estimated: inputTokens === null,
    }
    const cost = bill(call, prepared.charging, target, usage)
    const data = vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: prepared.encoding === 'base64' ? encodeFloat32Base64(vector) : vector,
    }))
    const usageOut = { prompt_tokens: usage.inputTokens, total_tokens: usage.inputTokens, cost: microsToDecimal(cost) }
    sendAiJson(call, target, { object: 'list', data, model: call.model, usage: usageOut }, cost)
    used = usage.inputTokens
  } catch (error) {
    if (!call.done) call.respondProblem(toAppError(error))
  } finally {
    prepared.settleTokens(used)
  }
}
