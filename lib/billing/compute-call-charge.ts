// Prices are quoted per million tokens.
const TOKENS_PER_PRICE_UNIT = 1_000_000n

export type ChargeablePlan = {
  paid: boolean
  pricePerCallMicros: bigint
  /** Micro-units per million input tokens. */
  pricePerMInputMicros: bigint
  /** Micro-units per million output tokens. */
  pricePerMOutputMicros: bigint
  freeCallsPerMonth: number
}

export type CallChargeInput = {
  plan: ChargeablePlan
  /** Calls already made this month, not counting this one. */
  callsUsedThisMonth: number
  inputTokens?: number
  outputTokens?: number
}

/**
 * What one call costs, in micro-units (a positive amount; the ledger entry negates it).
 * `free` is true only when the plan's monthly free quota covered the call; an unpaid plan costs
 * nothing without using any quota, so it reports `free: false`.
 */
export function computeCallCharge({ plan, callsUsedThisMonth, inputTokens = 0, outputTokens = 0 }: CallChargeInput): {
  chargeMicros: bigint
  free: boolean
} {
  assertCount('callsUsedThisMonth', callsUsedThisMonth)
  assertCount('inputTokens', inputTokens)
  assertCount('outputTokens', outputTokens)
  if (!plan.paid) return { chargeMicros: 0n, free: false }
  if (callsUsedThisMonth < plan.freeCallsPerMonth) return { chargeMicros: 0n, free: true }
  const chargeMicros =
    plan.pricePerCallMicros +
    tokenCharge(inputTokens, plan.pricePerMInputMicros) +
    tokenCharge(outputTokens, plan.pricePerMOutputMicros)
  return { chargeMicros, free: false }
}

// Rounds UP: a fraction of a micro-unit is billed as a whole one rather than given away, so a
// flood of tiny calls cannot run for free. Integer bigint math throughout; floats would drift.
function tokenCharge(tokens: number, pricePerMillionMicros: bigint): bigint {
  const product = BigInt(tokens) * pricePerMillionMicros
  if (product <= 0n) return 0n
  return (product + TOKENS_PER_PRICE_UNIT - 1n) / TOKENS_PER_PRICE_UNIT
}

function assertCount(name: string, value: number): void {
  // BigInt() would throw on a fraction anyway; a negative count would silently lower the charge.
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`)
}
