import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { dispatchDueWebhooks } from './dispatch-webhooks'
import type { DeliveryIdInput } from './schemas'

export type DeliveryOutcome = {
  state: 'PENDING' | 'DELIVERED' | 'FAILED'
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
}

/**
 * Sends one queued delivery now instead of on the next background pass (the "send test event"
 * and "retry now" buttons), through the same claim, so the background loop cannot send it twice.
 */
export async function deliverNow(
  { teamId }: TeamReadScope,
  { deliveryId }: DeliveryIdInput,
): Promise<DeliveryOutcome | null> {
  await dispatchDueWebhooks(db, { deliveryIds: [deliveryId] })
  return db.webhookDelivery.findFirst({
    where: { id: deliveryId, teamId },
    select: { state: true, attempts: true, lastStatusCode: true, lastError: true },
  })
}
