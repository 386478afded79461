import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import type { SubscriptionStateName } from './schemas'
import { SUBSCRIPTION_SELECT, toSubscriptionOutput } from './to-subscription-output'

type Transition = {
  /** Which side of the subscription the actor's team must be on. */
  side: 'owner' | 'consumer'
  from: readonly SubscriptionStateName[]
  to: SubscriptionStateName
  verb: string
}

/**
 * The one guarded state change every subscription service goes through. The actor's team id is
 * in both the read and the write, so another team's id reads as "not found" and its row is never
 * touched; the state is in the write too, so two concurrent decisions cannot both win.
 */
export async function transitionSubscription(
  { teamId, actor }: TeamScope,
  { subscriptionId, reason }: { subscriptionId: string; reason?: string },
  t: Transition,
  tx?: Tx,
) {
  const client = tx ?? db
  const teamWhere = t.side === 'owner' ? { ownerTeamId: teamId } : { consumerTeamId: teamId }
  const current = await client.subscription.findFirst({
    where: { id: subscriptionId, ...teamWhere },
    select: { state: true },
  })
  if (!current) throw notFound('Subscription')
  if (!t.from.includes(current.state)) {
    throw conflict(`A ${current.state.toLowerCase()} subscription cannot be ${t.verb}`, 'invalid_transition')
  }
  const { count } = await client.subscription.updateMany({
    where: { id: subscriptionId, ...teamWhere, state: current.state },
    data: { state: t.to, decidedById: actor.userId, decidedAt: new Date(), ...(reason ? { reason } : {}) },
  })
  if (count === 0) throw conflict('This subscription changed meanwhile; reload and try again', 'invalid_transition')
  // Only ACTIVE subscriptions are in the gateway's snapshot; other moves are invisible to it.
  if (current.state === 'ACTIVE' || t.to === 'ACTIVE')
    await publishConfigChange(client, { kind: 'subscription', id: subscriptionId })
  const row = await client.subscription.findFirstOrThrow({
    where: { id: subscriptionId, ...teamWhere },
    select: SUBSCRIPTION_SELECT,
  })
  return toSubscriptionOutput(row)
}
