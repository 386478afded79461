import { formatMicros } from '@/lib/billing/money'

/** "$0.001 / call · $3.00 / 1M input tokens", only the prices the plan actually has. */
export function formatPlanPrice(plan: { currency: string; pricePerCallMicros: bigint; pricePerMInputMicros: bigint; pricePerMOutputMicros: bigint }): string {
  const parts = [
    plan.pricePerCallMicros > 0n ? `${formatMicros(plan.pricePerCallMicros, plan.currency)} / call` : null,
    plan.pricePerMInputMicros > 0n ? `${formatMicros(plan.pricePerMInputMicros, plan.currency)} / 1M input tokens` : null,
    plan.pricePerMOutputMicros > 0n ? `${formatMicros(plan.pricePerMOutputMicros, plan.currency)} / 1M output tokens` : null,
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : 'No usage price'
}
