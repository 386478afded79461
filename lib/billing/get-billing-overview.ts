import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { PaymentMethodStatus } from '@/generated/sqlite/enums'
import { availableFunds } from './available-funds'
import { monthToDateSpend } from './month-to-date-spend'
import { utcMonth } from './month'

export type BillingOverview = {
  currency: string
  balanceMicros: bigint
  creditLimitMicros: bigint
  availableMicros: bigint
  monthlyBudgetMicros: bigint | null
  alertThresholds: string
  month: string
  spendMicros: bigint
  /** Spend as a percentage of the budget (may exceed 100); null without a budget. */
  budgetUsedPercent: number | null
  paymentMethodStatus: PaymentMethodStatus
  paymentMethodLabel: string | null
}

/** The summary cards' numbers. A team without an account yet reads as the schema's defaults. */
export async function getBillingOverview({ teamId }: TeamReadScope, now = Date.now()): Promise<BillingOverview> {
  const account = await db.billingAccount.findUnique({ where: { teamId } })
  const a = account ?? {
    currency: 'USD',
    balanceMicros: 0n,
    creditLimitMicros: 0n,
    monthlyBudgetMicros: null,
    alertThresholds: '80,100',
    paymentMethodStatus: 'NONE' as const,
    paymentMethodLabel: null,
    spendMonth: '',
    spendMicros: 0n,
  }
  const spendMicros = monthToDateSpend(a, now)
  const budget = a.monthlyBudgetMicros
  return {
    currency: a.currency,
    balanceMicros: a.balanceMicros,
    creditLimitMicros: a.creditLimitMicros,
    availableMicros: availableFunds(a),
    monthlyBudgetMicros: budget,
    alertThresholds: a.alertThresholds,
    month: utcMonth(now),
    spendMicros,
    // Basis points in bigint, then one division: exact for any amount.
    budgetUsedPercent: budget === null || budget <= 0n ? null : Number((spendMicros * 10_000n) / budget) / 100,
    paymentMethodStatus: a.paymentMethodStatus,
    paymentMethodLabel: a.paymentMethodLabel,
  }
}
