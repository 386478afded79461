import { db, type Tx } from '@/lib/db'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import type { PaymentCause } from '@/generated/sqlite/enums'

// Closes a consumer team's OPEN payment incidents whose cause has gone away. Called by whatever
// removed the cause (a top-up, a fixed payment method, a raised budget, the new month) and by the
// manual "resolve" action. Bumps the config version so gateways drop the incident ids they hand out
// and re-check the account at once instead of answering 402 from a stale view.

/** Which causes each kind of fix removes. */
export const CAUSES_FIXED_BY = {
  top_up: ['insufficient_balance', 'quota_exhausted', 'payment_method_failed'],
  payment_method_fixed: ['payment_method_failed', 'quota_exhausted'],
  budget_raised: ['budget_exceeded'],
  new_month: ['budget_exceeded', 'quota_exhausted'],
} as const satisfies Record<string, readonly PaymentCause[]>

export type ResolveFixedIncidentsInput = {
  consumerTeamId: string
  causes: readonly PaymentCause[]
  /** Shown on the incident, e.g. "Resolved automatically: top-up of 50.00 USD". */
  resolution: string
  resolvedById?: string | null
  /** Only these incidents (manual resolution); otherwise every OPEN one with a matching cause. */
  incidentIds?: string[]
  now?: Date
}

/** Returns how many incidents were resolved. Runs in `tx` when given. */
export async function resolveFixedIncidents(input: ResolveFixedIncidentsInput, tx?: Tx): Promise<number> {
  const client = tx ?? db
  const { count } = await client.paymentIncident.updateMany({
    where: {
      consumerTeamId: input.consumerTeamId,
      state: 'OPEN',
      cause: { in: [...input.causes] },
      ...(input.incidentIds ? { id: { in: input.incidentIds } } : {}),
    },
    data: {
      state: 'RESOLVED',
      resolvedAt: input.now ?? new Date(),
      resolution: input.resolution,
      resolvedById: input.resolvedById ?? null,
    },
  })
  if (count > 0) await publishConfigChange(client)
  return count
}
