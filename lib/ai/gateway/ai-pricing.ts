import { computeCallCharge } from '@/lib/billing/compute-call-charge'
import type { PlanPricing } from '@/lib/gateway/snapshot-types'
import type { TokenUsage } from '../chat-types'
import type { AiTarget, ModelPrices } from './ai-route-types'

// The pricing rule of AI calls (the console's estimates use the same): the consumer pays the plan,
// pricePerCallMicros + input × pricePerMInput/1M + output × pricePerMOutput/1M (computeCallCharge,
// rounded up). A paid plan that sets both token prices to 0 passes the serving model's own prices
// through, cached input at its cached price where the model has one.

type Tokens = Pick<TokenUsage, 'inputTokens' | 'outputTokens' | 'cachedInputTokens'>

export function pricesFor(plan: PlanPricing, target: AiTarget): ModelPrices {
  if (plan.pricePerMInputMicros === 0n && plan.pricePerMOutputMicros === 0n) return target.prices
  return {
    inputMicrosPerM: plan.pricePerMInputMicros,
    outputMicrosPerM: plan.pricePerMOutputMicros,
    cachedInputMicrosPerM: null,
  }
}

/** What these tokens cost on this plan when `target` serves them (before free quota and clamping). */
export function tokenCost(plan: PlanPricing, target: AiTarget, tokens: Tokens): bigint {
  const prices = pricesFor(plan, target)
  const cached =
    prices.cachedInputMicrosPerM === null ? 0 : Math.min(Math.max(0, tokens.cachedInputTokens), tokens.inputTokens)
  const charge = (
    pricePerCallMicros: bigint,
    input: bigint,
    output: bigint,
    inputTokens: number,
    outputTokens: number,
  ) =>
    computeCallCharge({
      plan: {
        paid: true,
        pricePerCallMicros,
        pricePerMInputMicros: input,
        pricePerMOutputMicros: output,
        freeCallsPerMonth: 0,
      },
      callsUsedThisMonth: 0,
      inputTokens,
      outputTokens,
    }).chargeMicros
  const base = charge(
    plan.pricePerCallMicros,
    prices.inputMicrosPerM,
    prices.outputMicrosPerM,
    tokens.inputTokens - cached,
    tokens.outputTokens,
  )
  return cached > 0 ? base + charge(0n, prices.cachedInputMicrosPerM!, 0n, cached, 0) : base
}

/** The output limit a target is sent: what the consumer asked for, never above the model's maximum. */
export function outputLimit(requested: number | null, target: AiTarget): number {
  return requested === null ? target.maxOutputTokens : Math.min(requested, target.maxOutputTokens)
}

/** The worst case over every target the call may fall back to: the amount to reserve, and its tokens. */
export function worstCase(
  plan: PlanPricing,
  targets: readonly AiTarget[],
  inputTokens: number,
  requested: number | null,
): { micros: bigint; tokens: number } {
  let micros = 0n
  let tokens = 0
  for (const target of targets) {
    const outputTokens = outputLimit(requested, target)
    const cost = tokenCost(plan, target, { inputTokens, outputTokens, cachedInputTokens: 0 })
    if (cost > micros) micros = cost
    if (inputTokens + outputTokens > tokens) tokens = inputTokens + outputTokens
  }
  return { micros, tokens }
}
