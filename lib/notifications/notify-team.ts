import { createId } from '@/lib/ids'
import type { Tx } from '@/lib/db'
import { webhookPayload } from '@/lib/metering/billing-statements.mjs'

// The outbox: an in-app notification, and a webhook delivery row when the team has a webhook URL,
// written in the caller's transaction. The webhook dispatcher sends PENDING deliveries later, so a
// slow or dead receiver never holds up the change that caused the event.
// The metering writer's threads write the same rows with SQL (lib/metering/billing-statements.mjs).

export type TeamEvent = {
  teamId: string
  /** Machine-readable event name, also the webhook's `type`, e.g. "payment_incident.opened". */
  event: string
  title: string
  body?: string
  /** Console path the notification links to. */
  link?: string
  /** The event's data, sent as the webhook body's `data`. */
  data: Record<string, unknown>
}

export async function notifyTeam(tx: Tx, input: TeamEvent, now = new Date()): Promise<void> {
  await tx.notification.create({
    data: {
      id: createId('ntf'),
      teamId: input.teamId,
      kind: input.event,
      title: input.title,
      body: input.body ?? '',
      link: input.link ?? null,
      createdAt: now,
    },
  })
  const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { webhookUrl: true } })
  if (!team?.webhookUrl) return
  const id = createId('whd')
  await tx.webhookDelivery.create({
    data: {
      id,
      teamId: input.teamId,
      event: input.event,
      url: team.webhookUrl,
      payload: webhookPayload(id, input.event, now, input.data),
      nextAttemptAt: now,
      createdAt: now,
    },
  })
}

export { webhookPayload }
