import type { SubscriptionActor } from './subscription-actor'
import { transitionSubscription } from './transition-subscription'

// The owner team's decisions on its incoming requests ('subscriptions.approve', checked by the action).

/** PENDING → ACTIVE: the consumer's keys can call the API from the next gateway reload. */
export function approveSubscription(actor: SubscriptionActor, input: { subscriptionId: string }) {
  return transitionSubscription(actor, input.subscriptionId, {
    side: 'owner',
    from: ['PENDING'],
    to: 'ACTIVE',
    verb: 'approved',
  })
}

/** PENDING → REJECTED, with a reason the consumer sees. */
export function rejectSubscription(actor: SubscriptionActor, input: { subscriptionId: string; reason: string }) {
  return transitionSubscription(actor, input.subscriptionId, {
    side: 'owner',
    from: ['PENDING'],
    to: 'REJECTED',
    verb: 'rejected',
    reason: input.reason,
  })
}

/** ACTIVE → SUSPENDED, with a reason: calls answer 403 from the next gateway reload. */
export function suspendSubscription(actor: SubscriptionActor, input: { subscriptionId: string; reason: string }) {
  return transitionSubscription(actor, input.subscriptionId, {
    side: 'owner',
    from: ['ACTIVE'],
    to: 'SUSPENDED',
    verb: 'suspended',
    reason: input.reason,
  })
}
