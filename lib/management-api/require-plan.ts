import type { TeamReadScope } from '@/lib/auth/actor'
import type { Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { listPlans } from '@/lib/plans/list-plans'

/** The API's plan by the ids in the path (archived ones too); another API's or team's is 404. */
export async function requirePlan(scope: TeamReadScope, { apiId, planId }: { apiId: string; planId: string }, tx?: Tx) {
  const plan = (await listPlans(scope, { apiId, includeArchived: true }, tx)).find((p) => p.id === planId)
  if (!plan) throw notFound('Plan')
  return plan
}
