import type { SubscriptionActor } from './subscription-actor'
import { transitionSubscription } from './transition-subscription'

/** The consumer team withdraws a request (PENDING) or ends its access (ACTIVE). */
export function cancelSubscription(actor: SubscriptionActor, input: { subscriptionId: string }) {
  return transitionSubscription(actor, input.subscriptionId, {
    side: 'consumer',
    from: ['PENDING', 'ACTIVE'],
    to: 'CANCELLED',
    verb: 'cancelled',
  })
}
