import { db } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { guardError } from './guard-error'
import { recordTransition, type Actor } from './record-transition'
import { checkRetire, isBeforeSunset } from './state-machine'

/**
 * DEPRECATED → RETIRED at or after the sunset date; earlier only for someone holding
 * 'apis.retire_early' (owners), with a reason. The gateway answers 410 from then on.
 */
export async function retireVersion({
  teamId,
  actor,
  versionId,
  reason,
  canRetireEarly,
  now = new Date(),
}: {
  teamId: string
  actor: Actor
  versionId: string
  reason?: string
  /** context.can('apis.retire_early') of the acting member. */
  canRetireEarly: boolean
  now?: Date
}) {
  const version = await db.apiVersion.findFirst({
    where: { id: versionId, teamId },
    select: { id: true, apiId: true, state: true, sunsetAt: true },
  })
  if (!version) throw notFound('Version')
  const guard = checkRetire({ state: version.state, now, sunsetAt: version.sunsetAt, canRetireEarly, reason })
  if (!guard.ok) throw guardError(guard.failures)
  const early = isBeforeSunset(now, version.sunsetAt)

  return db.$transaction(async (tx) => {
    const { count } = await tx.apiVersion.updateMany({
      where: { id: versionId, teamId, state: 'DEPRECATED' },
      data: { state: 'RETIRED', retiredAt: now },
    })
    if (count === 0) throw conflict('The version changed meanwhile; reload and try again')
    await recordTransition(tx, {
      teamId,
      apiId: version.apiId,
      versionId,
      actor,
      from: 'DEPRECATED',
      to: 'RETIRED',
      action: early ? 'retire_early' : 'retire',
      reason: early
        ? `Retired before the sunset date (${version.sunsetAt!.toISOString().slice(0, 10)}): ${reason?.trim()}`
        : (reason ?? null),
    })
    return { versionId, apiId: version.apiId, state: 'RETIRED' as const, early }
  })
}
