import type { Prisma } from '@/generated/sqlite/client'
import type { VersionState } from '@/generated/sqlite/enums'
import { createId } from '@/lib/ids'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { deriveApiState } from './derive-api-state'

/** Who acted: taken from the session by the server action, never from the form. */
export type Actor = { id: string; email: string }

export type Tx = Prisma.TransactionClient

/**
 * The three things every lifecycle transition does inside its own transaction, so they can never
 * disagree with the version row: append the audit event, re-derive Api.state, bump the config
 * version the gateway watches.
 */
export async function recordTransition(
  tx: Tx,
  event: {
    teamId: string
    apiId: string
    versionId: string | null
    actor: Actor
    from: VersionState | null
    to: VersionState | null
    action: string
    reason?: string | null
  },
): Promise<void> {
  await tx.lifecycleEvent.create({
    data: {
      id: createId('evt'),
      teamId: event.teamId,
      apiId: event.apiId,
      versionId: event.versionId,
      actorId: event.actor.id,
      actorEmail: event.actor.email,
      fromState: event.from,
      toState: event.to,
      action: event.action,
      reason: event.reason ?? null,
    },
  })
  await syncApiState(tx, event.teamId, event.apiId)
  await publishConfigChange(tx)
}

export async function syncApiState(tx: Tx, teamId: string, apiId: string): Promise<void> {
  const versions = await tx.apiVersion.findMany({ where: { apiId, teamId }, select: { state: true } })
  await tx.api.update({ where: { id: apiId, teamId }, data: { state: deriveApiState(versions.map((v) => v.state)) } })
}
