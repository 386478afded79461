import type { PaymentCause } from '@/generated/sqlite/enums'
import type { Db } from '../db'
import { createId } from '../ids'
import { openIncidentStatements } from '../metering/outbox-statements'
import { dialectOf, runOnPrisma } from '../metering/run-on-prisma'

// The first 402 of an episode, as seen by one gateway instance, opens the PaymentIncident here,
// under the consumer's account lock, so that instances refusing the same consumer at the same
// moment all name one incident. Later 402s only add to its counters, through the metering writer.
// Opening it (the row and payment_incident.opened) runs the metering program's own statements.

export type IncidentSubject = {
  consumerTeamId: string
  ownerTeamId: string
  apiId: string
  cause: PaymentCause
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
      const incident = { id, ...subject, firstSeenAt: now, lastSeenAt: now, blockedCalls: 0, blockedRevenueMicros: 0n }
      await runOnPrisma(tx, openIncidentStatements(incident, dialectOf(tx), now, createId))
      return id
    },
    { maxWait: 10_000, timeout: 10_000 },
  )
}
