import type { TeamReadScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'

/** The API's plans, active ones first; pass includeArchived to show the archived ones too. */
export async function listPlans(
  { teamId }: TeamReadScope,
  { apiId, includeArchived = false }: { apiId: string; includeArchived?: boolean },
  tx?: Tx,
) {
  return (tx ?? db).plan.findMany({
    where: { teamId, apiId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: 'asc' }, { createdAt: 'asc' }],
  })
}
