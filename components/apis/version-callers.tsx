'use client'

import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { FormMessage, Textarea } from '@/components/ui/form-field'
import { formatCount } from '@/components/ui/format'
import type { ActionState, FormAction } from '@/lib/auth/action-result'
import type { NotifiedCallers } from '@/lib/lifecycle/notify-version-callers'

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
  const [message, setMessage] = useState('')
  const [state, setState] = useState<ActionState<NotifiedCallers>>(null)
  const [pending, startTransition] = useTransition()
  // It sits inside the deprecate dialog's form, and forms do not nest: it posts its own FormData.
  function send() {
    if (!notify) return
    const formData = new FormData()
    formData.set('team', teamSlug)
    formData.set('versionId', versionId)
    formData.set('message', message)
    startTransition(async () => setState(await notify(null, formData)))
  }
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
        <div className="space-y-2" role="group" aria-label={`Notify the callers of ${label}`}>
          <Textarea
            id={`notify-${versionId}-message`}
            aria-label="Message to the callers (optional)"
            rows={2}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder="Optional message, e.g. how to move to the successor"
            className="font-sans"
          />
          <FormMessage result={state} />
          <div className="flex items-center gap-2">
            <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={send}>
              Notify {callers.length === 1 ? 'this team' : 'these teams'}
            </Button>
            {state?.ok ? (
              <span role="status" className="text-xs text-emerald-700">
                Notified {state.data.notified} team(s)
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  )
}
