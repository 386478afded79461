'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-field'
import type { FormAction } from '@/lib/auth/action-result'

type MarkReadAction = FormAction<{ count: number }>

/** "Mark read" for one notification, or "Mark all read" up to the newest one on screen. */
export function MarkReadButton({
  teamSlug,
  notificationId,
  upTo,
  label,
  action,
}: {
  teamSlug: string
  notificationId?: string
  upTo?: string
  label: string
  action: MarkReadAction
}) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="team" value={teamSlug} />
      {notificationId ? <input type="hidden" name="notificationId" value={notificationId} /> : null}
      {upTo ? <input type="hidden" name="upTo" value={upTo} /> : null}
      <Button type="submit" variant={notificationId ? 'ghost' : 'secondary'} size="sm" disabled={pending}>
        {pending ? 'Marking…' : label}
      </Button>
      <FormMessage result={state} />
    </form>
  )
}
