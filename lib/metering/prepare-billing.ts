import { utcMonth } from '../billing/month'
import { createId } from '../ids'
import type { InvocationRecord } from '../gateway/invocation-record'
import { hourStart } from './rollup-buckets'

// The money side of one metering batch, summed once when the batch is prepared so that a retry
// writes exactly the same ledger entries (same ids, same idempotency keys) as the first attempt.
// billing-statements.ts turns it into SQL for either database.

export type BillingCharge = {
  id: string
  idempotencyKey: string
  teamId: string
  subscriptionId: string
  apiId: string | null
  planId: string | null
  month: string
  calls: number
  amountMicros: bigint
  description: string
  /** The latest call the entry covers (epoch ms): its ledger time, inside `month`. */
  at: number
}

export type BillingSpend = { teamId: string; month: string; amountMicros: bigint; leaseId: string | null }
export type BillingUsage = { id: string; subscriptionId: string; month: string; calls: number }
export type BillingIncident = {
  id: string
  consumerTeamId: string
  ownerTeamId: string
  apiId: string
  cause: string
  firstSeenAt: number
  lastSeenAt: number
  blockedCalls: number
  blockedRevenueMicros: bigint
}
export type BillingRollup = {
  id: string
  hour: number
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  cause: string
  blockedCalls: number
  blockedRevenueMicros: bigint
}

export type PreparedBilling = {
  charges: BillingCharge[]
  spend: BillingSpend[]
  usage: BillingUsage[]
  incidents: BillingIncident[]
  rollups: BillingRollup[]
}

const PAYMENT_CAUSES = new Set([
  'insufficient_balance',
  'budget_exceeded',
  'payment_method_failed',
  'quota_exhausted',
  'upstream_payment_required',
])

/** `batchKey` (the batch's first row id) makes each charge's idempotency key unique to this batch. */
export function prepareBilling(
  records: ReadonlyArray<InvocationRecord & { leaseInstanceId?: string | null }>,
  batchKey: string,
): PreparedBilling {
  const charges = new Map<string, BillingCharge>()
  const spend = new Map<string, BillingSpend>()
  const usage = new Map<string, BillingUsage>()
  const incidents = new Map<string, BillingIncident>()
  const rollups = new Map<string, BillingRollup>()

  for (const r of records) {
    if (r.billable && r.subscriptionId !== null && r.consumerTeamId !== null) {
      const month = utcMonth(r.createdAt)
      const usageKey = r.subscriptionId + '|' + month
      const counted = usage.get(usageKey)
      if (counted) counted.calls++
      else usage.set(usageKey, { id: createId('su'), subscriptionId: r.subscriptionId, month, calls: 1 })

      if (r.costMicros > 0n) {
        const charge = charges.get(usageKey)
        if (charge) {
          charge.calls++
          charge.amountMicros += r.costMicros
          if (r.createdAt > charge.at) charge.at = r.createdAt
        } else {
          charges.set(usageKey, {
            id: createId('led'),
            idempotencyKey: `charge:${batchKey}:${r.subscriptionId}:${month}`,
            teamId: r.consumerTeamId,
            subscriptionId: r.subscriptionId,
            apiId: r.apiId,
            planId: r.planId,
            month,
            calls: 1,
            amountMicros: r.costMicros,
            description: r.chargeLabel ?? '',
            at: r.createdAt,
          })
        }
        // Per lease too: a replayed spool spends the lease of the instance that served its calls.
        const spendKey = r.consumerTeamId + '|' + month + '|' + (r.leaseInstanceId ?? '')
        const spent = spend.get(spendKey)
        if (spent) spent.amountMicros += r.costMicros
        else {
          const leaseId = !r.leaseInstanceId ? null : `${r.leaseInstanceId}:${r.consumerTeamId}`
          spend.set(spendKey, { teamId: r.consumerTeamId, month, amountMicros: r.costMicros, leaseId })
        }
      }
    }

    if (r.status === 402 && r.incidentId !== null && r.errorCode !== null && PAYMENT_CAUSES.has(r.errorCode)) {
      const owner = r.ownerTeamId ?? ''
      const consumer = r.consumerTeamId ?? ''
      const api = r.apiId ?? ''
      const incident = incidents.get(r.incidentId)
      if (incident) {
        incident.blockedCalls++
        incident.blockedRevenueMicros += r.blockedMicros
        if (r.createdAt < incident.firstSeenAt) incident.firstSeenAt = r.createdAt
        if (r.createdAt > incident.lastSeenAt) incident.lastSeenAt = r.createdAt
      } else {
        incidents.set(r.incidentId, {
          id: r.incidentId,
          consumerTeamId: consumer,
          ownerTeamId: owner,
          apiId: api,
          cause: r.errorCode,
          firstSeenAt: r.createdAt,
          lastSeenAt: r.createdAt,
          blockedCalls: 1,
          blockedRevenueMicros: r.blockedMicros,
        })
      }
      const hour = hourStart(r.createdAt)
      const rollupKey = `${hour}|${owner}|${consumer}|${api}|${r.errorCode}`
      const rollup = rollups.get(rollupKey)
      if (rollup) {
        rollup.blockedCalls++
        rollup.blockedRevenueMicros += r.blockedMicros
      } else {
        rollups.set(rollupKey, {
          id: createId('pr'),
          hour,
          ownerTeamId: owner,
          consumerTeamId: consumer,
          apiId: api,
          cause: r.errorCode,
          blockedCalls: 1,
          blockedRevenueMicros: r.blockedMicros,
        })
      }
    }
  }

  for (const charge of charges.values()) {
    charge.description = `${charge.calls.toLocaleString('en-US')} call${charge.calls === 1 ? '' : 's'}${charge.description ? ` to ${charge.description}` : ''}`
  }
  // Months in order, so a batch spanning midnight on the 1st moves month-to-date spend forwards.
  const sortedSpend = [...spend.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
  return {
    charges: [...charges.values()],
    spend: sortedSpend,
    usage: [...usage.values()],
    incidents: [...incidents.values()],
    rollups: [...rollups.values()],
  }
}
