import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { webhookPayload } from './webhook-payload.mjs'

export const TEST_EVENT = 'webhook.test'

/**
 * Queues a "webhook.test" delivery through the same outbox as real events (no in-app
 * notification: nothing happened). Returns its id so the caller can dispatch it at once.
 */
export async function sendTestWebhook({ teamId }: TeamScope, now = new Date()): Promise<{ deliveryId: string }> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { slug: true, webhookUrl: true } })
  if (!team.webhookUrl) throw invalid('Set a webhook URL first', { url: ['Set a webhook URL first'] })
  const id = createId('whd')
  await db.webhookDelivery.create({
    data: {
      id,
      teamId,
      event: TEST_EVENT,
      url: team.webhookUrl,
      payload: webhookPayload(id, TEST_EVENT, now, {
        team: team.slug,
        message: 'A test event from Tollgate. Verify its signature, then answer 2xx.',
      }),
      nextAttemptAt: now,
      createdAt: now,
    },
  })
  return { deliveryId: id }
}
