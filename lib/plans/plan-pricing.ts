import { invalid } from '@/lib/errors/app-error'

// The pricing half of a plan, shared by create and update. An update may send only some of the
// fields, so the rule "a paid plan has a price" is checked on the plan as it will be saved.

export type PricingInput = {
  paid?: boolean
  currency?: string
  pricePerCall?: bigint
  pricePerMInput?: bigint
  pricePerMOutput?: bigint
  freeCallsPerMonth?: number
}

export type PlanPricing = {
  paid: boolean
  currency: string
  pricePerCallMicros: bigint
  pricePerMInputMicros: bigint
  pricePerMOutputMicros: bigint
  freeCallsPerMonth: number
}

const PRICING_KEYS = [
  'paid',
  'currency',
  'pricePerCall',
  'pricePerMInput',
  'pricePerMOutput',
  'freeCallsPerMonth',
] as const

/**
 * The pricing columns to write, or {} when the input touches no pricing field. A free plan is
 * saved without prices or quota: the gateway never charges it, and stale prices would only mislead.
 */
export function planPricingData(
  input: PricingInput,
  current?: PlanPricing,
  // AI APIs (chat and prompt): a paid plan with both token prices at 0 charges the serving model's own prices.
  { modelPricesApply = false }: { modelPricesApply?: boolean } = {},
): Partial<PlanPricing> {
  if (!PRICING_KEYS.some((key) => input[key] !== undefined)) return {}
  const paid = input.paid ?? current?.paid ?? false
  const currency = input.currency ?? current?.currency ?? 'USD'
  if (!paid) {
    return {
      paid,
      currency,
      pricePerCallMicros: 0n,
      pricePerMInputMicros: 0n,
      pricePerMOutputMicros: 0n,
      freeCallsPerMonth: 0,
    }
  }
  const merged: PlanPricing = {
    paid,
    currency,
    pricePerCallMicros: input.pricePerCall ?? current?.pricePerCallMicros ?? 0n,
    pricePerMInputMicros: input.pricePerMInput ?? current?.pricePerMInputMicros ?? 0n,
    pricePerMOutputMicros: input.pricePerMOutput ?? current?.pricePerMOutputMicros ?? 0n,
    freeCallsPerMonth: input.freeCallsPerMonth ?? current?.freeCallsPerMonth ?? 0,
  }
  const unpriced =
    merged.pricePerCallMicros === 0n && merged.pricePerMInputMicros === 0n && merged.pricePerMOutputMicros === 0n
  if (unpriced && !modelPricesApply) {
    throw invalid(
      'A paid plan needs a price',
      { pricePerCall: ['A paid plan needs a price per call or per 1M tokens above 0'] },
      'plan_price_required',
    )
  }
  return merged
}
