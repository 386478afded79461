import type { Pool } from 'undici'
import { expect, test } from 'vitest'
import type { PlanPricing } from '@/lib/gateway/snapshot-types'
import { outputLimit, tokenCost, worstCase } from './ai-pricing'
import type { AiTarget } from './ai-route-types'

// The pricing rule: the plan's per-call and per-token prices, or, on a paid plan with both token
// prices at 0, the serving model's own (cached input at its cached price); always rounded up.

const plan = (input: bigint, output: bigint, perCall = 0n): PlanPricing => ({
  id: 'plan',
  name: 'p',
  paid: true,
  currency: 'USD',
  pricePerCallMicros: perCall,
  pricePerMInputMicros: input,
  pricePerMOutputMicros: output,
  freeCallsPerMonth: 0,
  tokensPerMinute: 0,
})

const target = (input: bigint, output: bigint, cached: bigint | null, maxOutputTokens = 1_000): AiTarget => ({
  id: `t-${input}-${output}-${maxOutputTokens}`,
  modelName: 'm',
  providerName: 'p',
  provider: { kind: 'OPENAI', baseUrl: 'http://x', apiKey: null, headers: {}, providerModel: 'm' },
  origin: 'http://x',
  basePath: '',
  pool: null as unknown as Pool,
  prices: { inputMicrosPerM: input, outputMicrosPerM: output, cachedInputMicrosPerM: cached },
  contextWindow: 8_000,
  maxOutputTokens,
  weight: 1,
})

test.each([
  // [what, plan, target, input, cached, output, expected micros]
  ['plan prices, rounded up per side', plan(1_500_000n, 3_000_000n, 100n), target(9n, 9n, 1n), 3, 0, 1, 100n + 5n + 3n],
  ['plan prices ignore the cached price', plan(1_000_000n, 0n), target(0n, 0n, 1n), 1_000, 800, 0, 1_000n],
  [
    'pass-through: the model prices',
    plan(0n, 0n, 7n),
    target(2_000_000n, 8_000_000n, null),
    1_000,
    0,
    500,
    7n + 2_000n + 4_000n,
  ],
  [
    'pass-through: cached input at the cached price',
    plan(0n, 0n),
    target(2_000_000n, 8_000_000n, 500_000n),
    1_000,
    800,
    0,
    400n + 400n,
  ],
  [
    'pass-through without a cached price bills cached as input',
    plan(0n, 0n),
    target(2_000_000n, 0n, null),
    1_000,
    800,
    0,
    2_000n,
  ],
] as const)('%s', (_what, p, t, input, cached, output, expected) => {
  expect(tokenCost(p, t, { inputTokens: input, outputTokens: output, cachedInputTokens: cached })).toBe(expected)
})

test('the output limit is what was asked for, never above the model maximum', () => {
  expect(outputLimit(null, target(0n, 0n, null, 700))).toBe(700)
  expect(outputLimit(100, target(0n, 0n, null, 700))).toBe(100)
  expect(outputLimit(5_000, target(0n, 0n, null, 700))).toBe(700)
})

test('the reservation is the worst case over every target the call may fall back to', () => {
  const cheap = target(1_000_000n, 1_000_000n, null, 2_000)
  const dear = target(1_000_000n, 10_000_000n, null, 100)
  // Pass-through: 1,000 input + 2,000 output on cheap = 3,000; 1,000 + 100 × 10 on dear = 2,000.
  expect(worstCase(plan(0n, 0n), [cheap, dear], 1_000, null)).toEqual({ micros: 3_000n, tokens: 3_000 })
  expect(worstCase(plan(0n, 0n), [cheap, dear], 1_000, 50)).toEqual({ micros: 1_500n, tokens: 1_050 })
})
