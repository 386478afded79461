import type { TeamScope } from '@/lib/auth/actor'
import type { Tx } from '@/lib/db'
import type { SubscriptionDecisionInput, SubscriptionIdInput } from './schemas'
import { transitionSubscription } from './transition-subscription'

// The owner team's decisions on its incoming requests ('subscriptions.approve', checked by the action).

/** PENDING → ACTIVE: the consumer's keys can call the API from the next gateway reload. */
export function approveSubscription(scope: TeamScope, input: SubscriptionIdInput, tx?: Tx) {
  return transitionSubscription(
    scope,
    input,
    {
      side: 'owner',
      from: ['PENDING'],
      to: 'ACTIVE',
      verb: 'approved',
    },
    tx,
  )
}

/** PENDING → REJECTED, with a reason the consumer sees. */
export function rejectSubscription(scope: TeamScope, input: SubscriptionDecisionInput, tx?: Tx) {
  return transitionSubscription(
    scope,
    input,
    {
      side: 'owner',
      from: ['PENDING'],
      to: 'REJECTED',
      verb: 'rejected',
    },
    tx,
  )
}

/** ACTIVE → SUSPENDED, with a reason: calls answer 403 from the next gateway reload. */
export function suspendSubscription(scope: TeamScope, input: SubscriptionDecisionInput, tx?: Tx) {
  return transitionSubscription(
    scope,
    input,
    {
      side: 'owner',
      from: ['ACTIVE'],
      to: 'SUSPENDED',
      verb: 'suspended',
    },
    tx,
  )
}
