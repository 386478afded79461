import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { guardError } from '@/lib/lifecycle/guard-error'
import { recordTransition } from '@/lib/lifecycle/record-transition'
import { checkDelete } from '@/lib/lifecycle/state-machine'
import type { VersionIdInput } from './schemas'

/** DRAFT → deleted, the only way a version ever disappears. The audit event outlives the row. */
export async function deleteDraftVersion(scope: TeamScope, { versionId }: VersionIdInput, outer?: Tx) {
  const { teamId } = scope
  const remove = async (tx: Tx) => {
    const version = await tx.apiVersion.findFirst({
      where: { id: versionId, teamId },
      select: { id: true, apiId: true, state: true, version: true },
    })
    if (!version) throw notFound('Version')
    const guard = checkDelete(version.state)
    if (!guard.ok) throw guardError(guard.failures)
    const { count } = await tx.apiVersion.deleteMany({ where: { id: versionId, teamId, state: 'DRAFT' } })
    if (count === 0) throw conflict('The version changed meanwhile; reload and try again')
    await recordTransition(
      scope,
      {
        apiId: version.apiId,
        versionId: null,
        from: 'DRAFT',
        to: null,
        action: 'delete',
        reason: `Draft ${version.version} deleted`,
      },
      tx,
    )
    return { apiId: version.apiId, version: version.version }
  }
  return outer ? remove(outer) : db.$transaction(remove)
}

export type DeletedDraft = Awaited<ReturnType<typeof deleteDraftVersion>>
