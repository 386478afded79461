import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { createId } from '@/lib/ids'
import { formatMicros } from './money'
import { monthToDateSpend } from './month-to-date-spend'
import { CAUSES_FIXED_BY, resolveFixedIncidents } from '@/lib/incidents/resolve-fixed-incidents'
import { parseBillingInput, updateBillingSettingsSchema, type UpdateBillingSettingsInput } from './schemas'

export type BillingSettings = {
  monthlyBudgetMicros: bigint | null
  alertThresholds: string
  creditLimitMicros: bigint
  resolvedIncidents: number
}

/**
 * Sets the monthly budget (null = none), its alert thresholds and the credit limit. When the new
 * budget is above this month's spend (or there is none), budget_exceeded is no longer true, so its
 * open incidents are resolved in the same transaction.
 */
export async function updateBillingSettings(
  { teamId, actor }: TeamScope,
  input: UpdateBillingSettingsInput | Record<string, unknown>,
  now = new Date(),
  outer?: Tx,
): Promise<BillingSettings> {
  const { monthlyBudget, alertThresholds, creditLimit } = parseBillingInput(updateBillingSettingsSchema, input)
  const write = async (tx: Tx) => {
    const data = { monthlyBudgetMicros: monthlyBudget, alertThresholds, creditLimitMicros: creditLimit }
    const account = await tx.billingAccount.upsert({
      where: { teamId },
      create: { id: createId('bill'), teamId, ...data },
      update: data,
    })
    const withinBudget = monthlyBudget === null || monthlyBudget > monthToDateSpend(account, now.getTime())
    const resolvedIncidents = withinBudget
      ? await resolveFixedIncidents(
          {
            consumerTeamId: teamId,
            causes: CAUSES_FIXED_BY.budget_raised,
            resolution:
              monthlyBudget === null
                ? 'Resolved automatically: monthly budget removed'
                : `Resolved automatically: monthly budget raised to ${formatMicros(monthlyBudget, account.currency)}`,
            resolvedById: actor.userId,
            now,
          },
          tx,
        )
      : 0
    await publishConfigChange(tx)
    return {
      monthlyBudgetMicros: account.monthlyBudgetMicros,
      alertThresholds: account.alertThresholds,
      creditLimitMicros: account.creditLimitMicros,
      resolvedIncidents,
    }
  }
  return outer ? write(outer) : db.$transaction(write)
}
