import { microsToDecimal } from '@/lib/billing/money'
import type { PlanPricing } from './plan-pricing'

/** "0.002 USD / call · 1,000 free calls / month", or "Free"; the same words on the API page and in the catalog. */
export function formatPlanPrice(plan: PlanPricing): string {
  if (!plan.paid) return 'Free'
  const amount = (micros: bigint) => `${microsToDecimal(micros)} ${plan.currency}`
  const parts: string[] = []
  if (plan.pricePerCallMicros > 0n) parts.push(`${amount(plan.pricePerCallMicros)} / call`)
  if (plan.pricePerMInputMicros > 0n) parts.push(`${amount(plan.pricePerMInputMicros)} / 1M input tokens`)
  if (plan.pricePerMOutputMicros > 0n) parts.push(`${amount(plan.pricePerMOutputMicros)} / 1M output tokens`)
  if (plan.freeCallsPerMonth > 0) parts.push(`${plan.freeCallsPerMonth.toLocaleString('en-US')} free calls / month`)
  return parts.join(' · ')
}
