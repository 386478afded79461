import type { Db } from '@/lib/db'
import { CAUSES_FIXED_BY } from '@/lib/incidents/resolve-fixed-incidents'
import { monthRange, utcMonth } from '@/lib/billing/month'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'

// Budgets and free quotas reset at the start of each UTC month, which removes the cause of
// budget_exceeded and quota_exhausted incidents without anyone doing anything. The server's
// maintenance loop runs this sweep (every few minutes is plenty); it is idempotent.
//
// This is the one query that spans every team: it is a system job, not a team's request. It
// does not go through resolveFixedIncidents (which resolves every OPEN incident of a team's causes)
// because the "last seen before this month" bound must sit in the same UPDATE: an incident the
// gateway extends in the new month is a fresh problem and must stay open.

export async function resolveStaleMonthIncidents(db: Db, now = new Date()): Promise<number> {
  const month = utcMonth(now.getTime())
  const { start } = monthRange(month)
  const { count } = await db.paymentIncident.updateMany({
    where: { state: 'OPEN', cause: { in: [...CAUSES_FIXED_BY.new_month] }, lastSeenAt: { lt: start } },
    data: {
      state: 'RESOLVED',
      resolvedAt: now,
      resolution: `Resolved automatically: the ${month} billing month started`,
      resolvedById: null,
    },
  })
  // Gateways hand out incident ids from their snapshot; make them drop the closed ones now.
  if (count > 0) await publishConfigChange(db)
  return count
}
