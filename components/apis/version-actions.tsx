'use client'

import { useRouter } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { ConfirmButton } from '@/components/ui/confirm-button'
import type { DeletedDraft } from '@/lib/apis/delete-draft-version'
import type { FormAction } from '@/lib/auth/action-result'
import type { DeprecatedVersion } from '@/lib/lifecycle/deprecate-version'
import type { PublishChecks } from '@/lib/lifecycle/get-publish-checks'
import type { PublishedVersion } from '@/lib/lifecycle/publish-version'
import type { NotifiedCallers } from '@/lib/lifecycle/notify-version-callers'
import type { RetiredVersion } from '@/lib/lifecycle/retire-version'
import { allowedActions } from '@/lib/lifecycle/state-machine'
import { DeprecateDialog } from './deprecate-dialog'
import { PublishDialog } from './publish-dialog'
import { VersionCallers, type VersionCallerRow } from './version-callers'

export type VersionPermissions = { canWrite: boolean; canPublish: boolean; canRetireEarly: boolean }

/** The server actions behind a version's buttons, passed down by the API page. */
export type VersionLifecycleActions = {
  checkPublish: FormAction<PublishChecks>
  publish: FormAction<PublishedVersion>
  deprecate: FormAction<DeprecatedVersion>
  retire: FormAction<RetiredVersion>
  deleteDraft: FormAction<DeletedDraft>
  /** Sends the version's recent callers a notice (from the deprecate and retire dialogs). */
  notifyCallers?: FormAction<NotifiedCallers>
}

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
  actions,
  callers = [],
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
  actions: VersionLifecycleActions
  /** The teams that called this version in the last 7 days. */
  callers?: VersionCallerRow[]
}) {
  const router = useRouter()
  const allowed = allowedActions(version.state)
  const beforeSunset = version.sunsetAt !== null && new Date(now) < new Date(version.sunsetAt)
  const sunsetDay = version.sunsetAt?.slice(0, 10)
  const callerNotice = (
    <VersionCallers
      teamSlug={teamSlug}
      versionId={version.id}
      label={version.version}
      callers={callers}
      notify={actions.notifyCallers}
    />
  )

  async function retire(reason: string) {
    const formData = new FormData()
    formData.set('team', teamSlug)
    formData.set('versionId', version.id)
    formData.set('reason', reason)
    const result = await actions.retire(null, formData)
    if (!result) return { ok: false, error: 'That did not work' }
    if (result.ok) router.refresh()
    // The dialog shows one message under its reason box: the reason's own field error first.
    return result.ok ? result : { ok: false, error: result.fieldErrors?.reason?.[0] ?? result.error }
  }

  return (
    <div className="flex flex-wrap justify-end gap-2">
      {allowed.includes('publish') && permissions.canPublish ? (
        <PublishDialog
          teamSlug={teamSlug}
          versionId={version.id}
          label={version.version}
          check={actions.checkPublish}
          publish={actions.publish}
        />
      ) : null}
      {allowed.includes('deprecate') && permissions.canPublish ? (
        <DeprecateDialog
          teamSlug={teamSlug}
          versionId={version.id}
          label={version.version}
          earliestSunset={earliestSunset}
          successors={successors.filter((s) => s.id !== version.id)}
          action={actions.deprecate}
          notice={callerNotice}
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
              <div className="space-y-3">
                <p>
                  {beforeSunset
                    ? `The sunset date is ${sunsetDay}. Retiring now breaks every consumer still calling ${version.version}: the gateway answers 410 Gone.`
                    : `The gateway will answer 410 Gone for ${version.version} from now on.`}
                </p>
                {callerNotice}
              </div>
            }
            confirmLabel="Retire"
            reasonLabel={beforeSunset ? 'Reason (required before the sunset date)' : 'Reason (optional)'}
            reasonRequired={beforeSunset}
            onConfirm={retire}
          />
        )
      ) : null}
      {allowed.includes('delete') && permissions.canWrite ? (
        <ConfirmActionButton
          label="Delete draft"
          title={`Delete draft ${version.version}`}
          description="The draft and its contract are removed. The lifecycle history keeps a record."
          confirmLabel="Delete"
          fields={{ team: teamSlug, versionId: version.id }}
          action={actions.deleteDraft}
        />
      ) : null}
    </div>
  )
}
