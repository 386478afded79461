import type { PaymentCause } from '@/generated/sqlite/enums'
import type { Db } from '../db'
import { createId } from '../ids'
import { notifyTeam, type TeamEvent } from '../notifications/notify-team'

// The first 402 of an episode, as seen by one gateway instance, opens the PaymentIncident here,
// under the consumer's account lock, so that instances refusing the same consumer at the same
// moment all name one incident. Later 402s only add to its counters, through the metering writer.

export type IncidentSubject = {
  consumerTeamId: string
  ownerTeamId: string
  apiId: string
  cause: PaymentCause
  apiLabel: string
  consumerSlug: string
}

export async function findOrOpenIncident(db: Db, subject: IncidentSubject, now = new Date()): Promise<string> {
  return db.$transaction(
    async (tx) => {
      // Serializes openers per consumer (a row lock on PostgreSQL, the write lock on SQLite).
      await tx.billingAccount.updateMany({ where: { teamId: subject.consumerTeamId }, data: { updatedAt: now } })
      const open = await tx.paymentIncident.findFirst({
        where: { consumerTeamId: subject.consumerTeamId, apiId: subject.apiId, cause: subject.cause, state: 'OPEN' },
        orderBy: { firstSeenAt: 'asc' },
        select: { id: true },
      })
      if (open) return open.id
      const id = createId('pi')
      await tx.paymentIncident.create({
        data: {
          id,
          consumerTeamId: subject.consumerTeamId,
          ownerTeamId: subject.ownerTeamId,
          apiId: subject.apiId,
          cause: subject.cause,
          firstSeenAt: now,
          lastSeenAt: now,
        },
      })
      await notifyTeam(tx, incidentOpenedEvent(subject, id, now), now)
      return id
    },
    { maxWait: 10_000, timeout: 10_000 },
  )
}

/** The consumer's notification that an episode began (the demo seed announces its incidents with it too). */
export function incidentOpenedEvent(subject: IncidentSubject, id: string, firstSeenAt: Date): TeamEvent {
  return {
    teamId: subject.consumerTeamId,
    event: 'payment_incident.opened',
    title: `Calls to ${subject.apiLabel} are being refused: ${subject.cause.replaceAll('_', ' ')}`,
    body: 'The gateway answers 402 Payment Required until the cause is fixed.',
    link: `/t/${subject.consumerSlug}/incidents/${id}`,
    data: { incidentId: id, api: subject.apiLabel, cause: subject.cause, firstSeenAt: firstSeenAt.toISOString() },
  }
}
