// Unit: what one call costs, from the plan's prices and the month's usage.
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { computeCallCharge, type ChargeablePlan } from './compute-call-charge'

const paid: ChargeablePlan = {
  paid: true,
  pricePerCallMicros: 1_000n,
  pricePerMInputMicros: 3_000_000n,
  pricePerMOutputMicros: 15_000_000n,
  freeCallsPerMonth: 0,
}

test.each([
  {
    name: 'unpaid plan is never charged',
    plan: { ...paid, paid: false },
    used: 999,
    input: 1_000_000,
    output: 1_000_000,
    expected: { chargeMicros: 0n, free: false },
  },
  {
    name: 'first call inside the free quota',
    plan: { ...paid, freeCallsPerMonth: 100 },
    used: 0,
    input: 500,
    output: 500,
    expected: { chargeMicros: 0n, free: true },
  },
  {
    name: 'last call inside the free quota',
    plan: { ...paid, freeCallsPerMonth: 100 },
    used: 99,
    input: 0,
    output: 0,
    expected: { chargeMicros: 0n, free: true },
  },
  {
    name: 'first call past the free quota',
    plan: { ...paid, freeCallsPerMonth: 100 },
    used: 100,
    input: 0,
    output: 0,
    expected: { chargeMicros: 1_000n, free: false },
  },
  {
    name: 'per-call price only',
    plan: paid,
    used: 5,
    input: 0,
    output: 0,
    expected: { chargeMicros: 1_000n, free: false },
  },
  // 1M input tokens at $3/M = 3_000_000 micros; 1M output at $15/M = 15_000_000.
  {
    name: 'whole millions of tokens',
    plan: paid,
    used: 0,
    input: 1_000_000,
    output: 1_000_000,
    expected: { chargeMicros: 18_001_000n, free: false },
  },
  // 1 input token at 3_000_000/M = exactly 3 micros; 1 output token = exactly 15 micros.
  {
    name: 'exact single tokens',
    plan: paid,
    used: 0,
    input: 1,
    output: 1,
    expected: { chargeMicros: 1_018n, free: false },
  },
  // 1 token at 1 micro per million = 0.000001 micros, rounded up to 1 (input and output each).
  {
    name: 'a fraction of a micro rounds up',
    plan: { ...paid, pricePerCallMicros: 0n, pricePerMInputMicros: 1n, pricePerMOutputMicros: 1n },
    used: 0,
    input: 1,
    output: 1,
    expected: { chargeMicros: 2n, free: false },
  },
  // 1_500_001 tokens × 1 micro/M = 1.500001 micros → 2, never 1.
  {
    name: 'rounding is per side, upwards',
    plan: { ...paid, pricePerCallMicros: 0n, pricePerMInputMicros: 1n, pricePerMOutputMicros: 0n },
    used: 0,
    input: 1_500_001,
    output: 0,
    expected: { chargeMicros: 2n, free: false },
  },
  {
    name: 'paid plan with no prices past the quota',
    plan: { ...paid, pricePerCallMicros: 0n, pricePerMInputMicros: 0n, pricePerMOutputMicros: 0n },
    used: 0,
    input: 10,
    output: 10,
    expected: { chargeMicros: 0n, free: false },
  },
  // Beyond Number.MAX_SAFE_INTEGER micros: bigint keeps every digit a float would drop.
  {
    name: 'large amounts stay exact',
    plan: { ...paid, pricePerCallMicros: 0n, pricePerMInputMicros: 9_007_199_254_740_993n, pricePerMOutputMicros: 0n },
    used: 0,
    input: 1_000_000,
    output: 0,
    expected: { chargeMicros: 9_007_199_254_740_993n, free: false },
  },
])('$name', ({ plan, used, input, output, expected }) => {
  expect(computeCallCharge({ plan, callsUsedThisMonth: used, inputTokens: input, outputTokens: output })).toEqual(
    expected,
  )
})

test('tokens default to zero', () => {
  expect(computeCallCharge({ plan: paid, callsUsedThisMonth: 0 })).toEqual({ chargeMicros: 1_000n, free: false })
})

test.each([
  { name: 'negative input tokens', args: { inputTokens: -1 } },
  { name: 'fractional output tokens', args: { outputTokens: 1.5 } },
  { name: 'negative usage', args: { callsUsedThisMonth: -1 } },
])('refuses $name', ({ args }) => {
  expect(() => computeCallCharge({ plan: paid, callsUsedThisMonth: 0, ...args })).toThrow(RangeError)
})

const planArb = fc.record({
  paid: fc.boolean(),
  pricePerCallMicros: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  pricePerMInputMicros: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  pricePerMOutputMicros: fc.bigInt({ min: 0n, max: 10n ** 9n }),
  freeCallsPerMonth: fc.nat({ max: 1_000 }),
})
const tokens = fc.nat({ max: 10_000_000 })

test('property: never negative, monotonic in tokens, zero within the free quota', () => {
  fc.assert(
    fc.property(
      planArb,
      fc.nat({ max: 2_000 }),
      tokens,
      tokens,
      tokens,
      tokens,
      (plan, used, input, output, moreInput, moreOutput) => {
        const base = computeCallCharge({ plan, callsUsedThisMonth: used, inputTokens: input, outputTokens: output })
        expect(base.chargeMicros >= 0n).toBe(true)

        const more = computeCallCharge({
          plan,
          callsUsedThisMonth: used,
          inputTokens: input + moreInput,
          outputTokens: output + moreOutput,
        })
        expect(more.chargeMicros >= base.chargeMicros).toBe(true)

        if (used < plan.freeCallsPerMonth) {
          expect(base.chargeMicros).toBe(0n)
          expect(more.chargeMicros).toBe(0n)
          expect(base.free).toBe(plan.paid)
        }
      },
    ),
    { numRuns: 500 },
  )
})
