import type { TeamScope } from '@/lib/auth/actor'
import type { Tx } from '@/lib/db'
import type { SubscriptionIdInput } from './schemas'
import { transitionSubscription } from './transition-subscription'

/** The consumer team withdraws a request (PENDING) or ends its access (ACTIVE). */
export function cancelSubscription(scope: TeamScope, input: SubscriptionIdInput, tx?: Tx) {
  return transitionSubscription(
    scope,
    input,
    {
      side: 'consumer',
      from: ['PENDING', 'ACTIVE'],
      to: 'CANCELLED',
      verb: 'cancelled',
    },
    tx,
  )
}
