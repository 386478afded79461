import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import type { DeliveryIdInput } from './schemas'

/**
 * Puts a FAILED delivery back in the queue, due now. Its attempt count is kept, so a delivery that
 * used all its retries gets exactly one more attempt, not another hour of them. The team id and
 * the FAILED state are in the WHERE: another team's id, or a delivery already queued, is "not found".
 */
export async function retryWebhookDelivery(
  { teamId }: TeamScope,
  { deliveryId }: DeliveryIdInput,
  now = new Date(),
): Promise<{ deliveryId: string }> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, teamId, state: 'FAILED' },
    data: { state: 'PENDING', nextAttemptAt: now },
  })
  if (count === 0) throw notFound('Failed delivery')
  return { deliveryId }
}
