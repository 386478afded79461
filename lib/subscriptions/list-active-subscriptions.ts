import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

/** The team's ACTIVE subscriptions as a consumer: the choices for restricting a key. */
export async function listActiveSubscriptions({ teamId }: TeamReadScope) {
  return db.subscription.findMany({
    where: { consumerTeamId: teamId, state: 'ACTIVE' },
    orderBy: [{ api: { name: 'asc' } }, { createdAt: 'asc' }],
    select: { id: true, api: { select: { name: true, slug: true } }, plan: { select: { name: true } } },
  })
}
