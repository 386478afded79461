import type { TeamScope } from '@/lib/auth/actor'
import { roleCan } from '@/lib/auth/permissions'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { guardError } from './guard-error'
import { recordTransition } from './record-transition'
import type { RetireVersionInput } from './schemas'
import { checkRetire, isBeforeSunset } from './state-machine'

/**
 * DEPRECATED → RETIRED at or after the sunset date; earlier only for someone holding
 * 'apis.retire_early' (owners), with a reason. The gateway answers 410 from then on. The right
 * comes from the actor's role in the scope the action built, never from the form.
 */
export async function retireVersion(
  scope: TeamScope,
  { versionId, reason }: RetireVersionInput,
  now = new Date(),
  outer?: Tx,
) {
  const client = outer ?? db
  const { teamId, actor } = scope
  const canRetireEarly = roleCan(actor.role, 'apis.retire_early')
  const version = await client.apiVersion.findFirst({
    where: { id: versionId, teamId },
    select: { id: true, apiId: true, state: true, sunsetAt: true },
  })
  if (!version) throw notFound('Version')
  const guard = checkRetire({ state: version.state, now, sunsetAt: version.sunsetAt, canRetireEarly, reason })
  if (!guard.ok) throw guardError(guard.failures)
  const early = isBeforeSunset(now, version.sunsetAt)

  const write = async (tx: Tx) => {
    const { count } = await tx.apiVersion.updateMany({
      where: { id: versionId, teamId, state: 'DEPRECATED' },
      data: { state: 'RETIRED', retiredAt: now },
    })
    if (count === 0) throw conflict('The version changed meanwhile; reload and try again')
    await recordTransition(
      scope,
      {
        apiId: version.apiId,
        versionId,
        from: 'DEPRECATED',
        to: 'RETIRED',
        action: early ? 'retire_early' : 'retire',
        reason: early
          ? `Retired before the sunset date (${version.sunsetAt!.toISOString().slice(0, 10)}): ${reason?.trim()}`
          : (reason ?? null),
      },
      tx,
    )
    return { versionId, apiId: version.apiId, state: 'RETIRED' as const, early }
  }
  return outer ? write(outer) : db.$transaction(write)
}

export type RetiredVersion = Awaited<ReturnType<typeof retireVersion>>
