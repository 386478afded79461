import { db } from '@/lib/db'

/** The API's plans, active ones first; pass includeArchived to show the archived ones too. */
export async function listPlans({
  teamId,
  apiId,
  includeArchived = false,
}: {
  teamId: string
  apiId: string
  includeArchived?: boolean
}) {
  return db.plan.findMany({
    where: { teamId, apiId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: 'asc' }, { createdAt: 'asc' }],
  })
}
