'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { FormMessage, Textarea } from '@/components/ui/form-field'
import { formatCount } from '@/components/ui/format'
import type { FormAction } from '@/lib/auth/action-result'
import type { NotifiedCallers } from '@/lib/lifecycle/notify-version-callers'
import { useSubmit } from './use-submit'

export type VersionCallerRow = { teamId: string; name: string; calls: number }

/**
 * Inside the deprecate and retire dialogs: the teams that called this version in the last 7 days
 * (whom the change affects), and a way to send them a notice before going ahead.
 */
export function VersionCallers({
  teamSlug,
  versionId,
  label,
  callers,
  notify,
}: {
  teamSlug: string
  versionId: string
  label: string
  callers: VersionCallerRow[]
  notify?: FormAction<NotifiedCallers>
}) {
  const [state, formAction, pending] = useActionState(notify ?? (async () => null), null)
  const submit = useSubmit(formAction)
  if (callers.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-version-callers={label}>
        No team called {label} in the last 7 days.
      </p>
    )
  }
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200" data-version-callers={label}>
      <p className="font-medium text-amber-900">
        {callers.length === 1 ? '1 team' : `${callers.length} teams`} called {label} in the last 7 days:
      </p>
      <ul className="list-disc space-y-0.5 pl-5 text-amber-900">
        {callers.map((caller) => (
          <li key={caller.teamId}>
            {caller.name} <span className="tabular-nums text-amber-700">({formatCount(caller.calls)} calls)</span>
          </li>
        ))}
      </ul>
      {notify ? (
        // A nested <form> is invalid HTML, so the notice posts from its own form beside the dialog's.
        <form onSubmit={submit} className="space-y-2" aria-label={`Notify the callers of ${label}`}>
          <input type="hidden" name="team" value={teamSlug} />
          <input type="hidden" name="versionId" value={versionId} />
          <Textarea
            name="message"
            id={`notify-${versionId}-message`}
            aria-label="Message to the callers (optional)"
            rows={2}
            placeholder="Optional message, e.g. how to move to the successor"
            className="font-sans"
          />
          <FormMessage result={state} />
          <div className="flex items-center gap-2">
            <Button type="submit" size="sm" variant="secondary" disabled={pending}>
              Notify {callers.length === 1 ? 'this team' : 'these teams'}
            </Button>
            {state?.ok ? (
              <span role="status" className="text-xs text-emerald-700">
                Notified {state.data.notified} team(s)
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  )
}
