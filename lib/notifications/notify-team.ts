import { createId } from '@/lib/ids'
import type { Tx } from '@/lib/db'
import { notifyStatements, type TeamEvent } from '@/lib/metering/outbox-statements'
import { runOnPrisma } from '@/lib/metering/run-on-prisma'

// The outbox: an in-app notification, and a webhook delivery row when the team has a webhook URL,
// written in the caller's transaction. The webhook dispatcher sends PENDING deliveries later, so a
// slow or dead receiver never holds up the change that caused the event. The statements are the
// ones the metering writer runs for the events it raises (lib/metering/outbox-statements.ts).

export type { TeamEvent }

export async function notifyTeam(tx: Tx, input: TeamEvent, now = new Date()): Promise<void> {
  await runOnPrisma(tx, notifyStatements(input, now, createId))
}
