import { microsToDecimal } from '@/lib/billing/money'

/** An existing plan's values as the edit form shows them: prices as decimal strings, never floats. */
export type PlanFormValues = {
  id: string
  name: string
  description: string
  rateLimit: number | null
  rateWindow: string
  approval: string
  paid: boolean
  currency: string
  pricePerCall: string
  pricePerMInput: string
  pricePerMOutput: string
  freeCallsPerMonth: number
  tokensPerMinute: number | null
}

type PlanRow = Omit<PlanFormValues, 'pricePerCall' | 'pricePerMInput' | 'pricePerMOutput'> & {
  pricePerCallMicros: bigint
  pricePerMInputMicros: bigint
  pricePerMOutputMicros: bigint
}

export function planFormValues(plan: PlanRow): PlanFormValues {
  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    rateLimit: plan.rateLimit,
    rateWindow: plan.rateWindow,
    approval: plan.approval,
    paid: plan.paid,
    currency: plan.currency,
    freeCallsPerMonth: plan.freeCallsPerMonth,
    tokensPerMinute: plan.tokensPerMinute,
    pricePerCall: microsToDecimal(plan.pricePerCallMicros),
    pricePerMInput: microsToDecimal(plan.pricePerMInputMicros),
    pricePerMOutput: microsToDecimal(plan.pricePerMOutputMicros),
  }
}
