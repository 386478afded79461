import type { VersionState } from '@/generated/sqlite/enums'
import type { TeamScope } from '@/lib/auth/actor'
import type { Tx } from '@/lib/db'
import { refreshApiSearchText } from '@/lib/apis/refresh-api-search-text'
import { createId } from '@/lib/ids'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { deriveApiState } from './derive-api-state'

export type Transition = {
  apiId: string
  versionId: string | null
  from: VersionState | null
  to: VersionState | null
  action: string
  reason?: string | null
}

/**
 * What every lifecycle transition does inside its own transaction, so none can ever disagree with
 * the version row: append the audit event, re-derive Api.state and the catalog's search text (the
 * contract it shows may have changed), bump the config version the gateway watches. The actor comes from the scope the server action built.
 */
export async function recordTransition({ teamId, actor }: TeamScope, transition: Transition, tx: Tx): Promise<void> {
  await tx.lifecycleEvent.create({
    data: {
      id: createId('evt'),
      teamId,
      apiId: transition.apiId,
      versionId: transition.versionId,
      actorId: actor.userId,
      actorEmail: actor.email,
      fromState: transition.from,
      toState: transition.to,
      action: transition.action,
      reason: transition.reason ?? null,
    },
  })
  await syncApiState(tx, teamId, transition.apiId)
  await refreshApiSearchText(tx, teamId, transition.apiId)
  // Deprecating or retiring changes that one version's route; anything else may add or drop routes.
  const lifecycleOnly = transition.versionId && (transition.to === 'DEPRECATED' || transition.to === 'RETIRED')
  await publishConfigChange(tx, lifecycleOnly ? { kind: 'version', id: transition.versionId! } : undefined)
}

async function syncApiState(tx: Tx, teamId: string, apiId: string): Promise<void> {
  const versions = await tx.apiVersion.findMany({ where: { apiId, teamId }, select: { state: true } })
  await tx.api.update({ where: { id: apiId, teamId }, data: { state: deriveApiState(versions.map((v) => v.state)) } })
}
