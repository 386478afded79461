'use client'

import { useRouter } from 'next/navigation'
import { deleteDraftVersionAction } from '@/app/(console)/t/[team]/apis/[api]/version-actions'
import { retireVersionAction } from '@/app/(console)/t/[team]/apis/[api]/lifecycle-actions'
import { Button } from '@/components/ui/button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { allowedActions } from '@/lib/lifecycle/state-machine'
import { DeprecateDialog } from './deprecate-dialog'
import { PublishDialog } from './publish-dialog'

export type VersionPermissions = { canWrite: boolean; canPublish: boolean; canRetireEarly: boolean }

/**
 * Only the transitions the state machine allows from this state, and only those the member may
 * perform. The server checks both again, so hiding a button is a courtesy, not the guard.
 */
export function VersionActions({
  teamSlug,
  version,
  successors,
  earliestSunset,
  permissions,
  now,
}: {
  teamSlug: string
  version: {
    id: string
    version: string
    state: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED'
    sunsetAt: string | null
  }
  successors: Array<{ id: string; version: string }>
  earliestSunset: string
  permissions: VersionPermissions
  /** Server time (ISO), so "before the sunset" agrees with the server's clock. */
  now: string
}) {
  const router = useRouter()
  const allowed = allowedActions(version.state)
  const refresh = async <T extends { ok: boolean; error?: string }>(promise: Promise<T>) => {
    const result = await promise
    if (result.ok) router.refresh()
    return result
  }
  const beforeSunset = version.sunsetAt !== null && new Date(now) < new Date(version.sunsetAt)
  const sunsetDay = version.sunsetAt?.slice(0, 10)

  return (
    <div className="flex flex-wrap justify-end gap-2">
      {allowed.includes('publish') && permissions.canPublish ? (
        <PublishDialog teamSlug={teamSlug} versionId={version.id} label={version.version} />
      ) : null}
      {allowed.includes('deprecate') && permissions.canPublish ? (
        <DeprecateDialog
          teamSlug={teamSlug}
          versionId={version.id}
          label={version.version}
          earliestSunset={earliestSunset}
          successors={successors.filter((s) => s.id !== version.id)}
        />
      ) : null}
      {allowed.includes('retire') && permissions.canPublish ? (
        beforeSunset && !permissions.canRetireEarly ? (
          <Button
            size="sm"
            variant="secondary"
            disabled
            title={`Can be retired from ${sunsetDay}; only an owner can retire earlier`}
          >
            Retire (from {sunsetDay})
          </Button>
        ) : (
          <ConfirmButton
            label={beforeSunset ? 'Retire early…' : 'Retire…'}
            title={`Retire ${version.version}`}
            description={
              beforeSunset
                ? `The sunset date is ${sunsetDay}. Retiring now breaks every consumer still calling ${version.version}: the gateway answers 410 Gone.`
                : `The gateway will answer 410 Gone for ${version.version} from now on.`
            }
            confirmLabel="Retire"
            reasonLabel={beforeSunset ? 'Reason (required before the sunset date)' : 'Reason (optional)'}
            reasonRequired={beforeSunset}
            onConfirm={async (reason) => {
              // The dialog shows one message under its reason box: the reason's own field error first.
              const result = await refresh(retireVersionAction(teamSlug, { versionId: version.id, reason }))
              return result.ok ? result : { ok: false, error: result.fieldErrors?.reason?.[0] ?? result.error }
            }}
          />
        )
      ) : null}
      {allowed.includes('delete') && permissions.canWrite ? (
        <ConfirmButton
          label="Delete draft"
          title={`Delete draft ${version.version}`}
          description="The draft and its contract are removed. The lifecycle history keeps a record."
          confirmLabel="Delete"
          onConfirm={() => refresh(deleteDraftVersionAction(teamSlug, { versionId: version.id }))}
        />
      ) : null}
    </div>
  )
}
