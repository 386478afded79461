import type { TeamScope } from '@/lib/auth/actor'
import type { ArchivePlanInput } from './schemas'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'

/**
 * Archives a plan: no new subscriptions, and it no longer counts toward "a plan is attached" when
 * publishing. Existing subscriptions keep it (the row stays; history and invoices refer to it).
 */
export async function archivePlan({ teamId }: TeamScope, { planId }: ArchivePlanInput, now = new Date(), outer?: Tx) {
  const archive = async (tx: Tx) => {
    const { count } = await tx.plan.updateMany({
      where: { id: planId, teamId, archivedAt: null },
      data: { archivedAt: now },
    })
    if (count === 0) {
      const exists = await tx.plan.findFirst({ where: { id: planId, teamId }, select: { id: true } })
      if (!exists) throw notFound('Plan')
      return { planId, archived: false }
    }
    await publishConfigChange(tx)
    return { planId, archived: true }
  }
  return outer ? archive(outer) : db.$transaction(archive)
}

export type ArchivedPlan = Awaited<ReturnType<typeof archivePlan>>
