import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, invalid, notFound } from '@/lib/errors/app-error'
import { guardError } from './guard-error'
import { recordTransition } from './record-transition'
import type { DeprecateVersionInput } from './schemas'
import { checkDeprecate, minSunsetDays } from './state-machine'

/**
 * PUBLISHED → DEPRECATED with a sunset date far enough ahead for consumers to move, and optionally
 * a successor (another published version of the same API) that the gateway advertises in Link.
 */
export async function deprecateVersion(scope: TeamScope, input: DeprecateVersionInput, now = new Date(), outer?: Tx) {
  const client = outer ?? db
  const { teamId } = scope
  const { versionId, sunsetAt, successorId, reason } = input
  const version = await client.apiVersion.findFirst({
    where: { id: versionId, teamId },
    select: { id: true, apiId: true, state: true },
  })
  if (!version) throw notFound('Version')
  const successor = successorId
    ? await client.apiVersion.findFirst({
        where: { id: successorId, teamId, apiId: version.apiId },
        select: { id: true, state: true, version: true },
      })
    : null
  if (successorId && !successor)
    throw invalid("Choose a successor among this API's versions", { successorId: ['Not a version of this API'] })

  const guard = checkDeprecate({
    state: version.state,
    now,
    sunsetAt,
    minSunsetDays: minSunsetDays(),
    versionId,
    successor,
  })
  if (!guard.ok) throw guardError(guard.failures)

  const write = async (tx: Tx) => {
    const { count } = await tx.apiVersion.updateMany({
      where: { id: versionId, teamId, state: 'PUBLISHED' },
      data: { state: 'DEPRECATED', deprecatedAt: now, sunsetAt, successorId: successor?.id ?? null },
    })
    if (count === 0) throw conflict('The version changed meanwhile; reload and try again')
    const details = [
      `Sunset ${sunsetAt.toISOString().slice(0, 10)}`,
      successor ? `successor ${successor.version}` : null,
    ]
      .filter(Boolean)
      .join(', ')
    await recordTransition(
      scope,
      {
        apiId: version.apiId,
        versionId,
        from: 'PUBLISHED',
        to: 'DEPRECATED',
        action: 'deprecate',
        reason: reason ? `${details}. ${reason}` : details,
      },
      tx,
    )
    return { versionId, apiId: version.apiId, state: 'DEPRECATED' as const, sunsetAt }
  }
  return outer ? write(outer) : db.$transaction(write)
}

export type DeprecatedVersion = Awaited<ReturnType<typeof deprecateVersion>>
