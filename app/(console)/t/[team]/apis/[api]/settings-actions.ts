'use server'

import { revalidatePath } from 'next/cache'
import { updateCaptureSchema } from '@/lib/apis/schemas'
import { updateVersionCapture, type UpdatedCapture } from '@/lib/apis/update-version-capture'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction } from '@/lib/auth/team-action'
import { notifyVersionCallers, type NotifiedCallers } from '@/lib/lifecycle/notify-version-callers'
import { notifyVersionCallersSchema } from '@/lib/lifecycle/schemas'

// Call capture is a version setting (what the gateway keeps of each call); notifying the callers
// goes with the lifecycle dialogs, so it needs the publish right.
const doUpdateCapture = teamAction(
  'apis.write',
  updateCaptureSchema,
  (input, context) => updateVersionCapture(scopeOf(context), input),
  { audit: 'version.update_capture' },
)
const doNotifyCallers = teamAction(
  'apis.publish',
  notifyVersionCallersSchema,
  (input, context) => notifyVersionCallers(scopeOf(context), input),
  { audit: 'version.notify_callers' },
)

export async function updateCaptureAction(
  _previous: ActionState<UpdatedCapture>,
  formData: FormData,
): Promise<ActionState<UpdatedCapture>> {
  return runTeamForm(formData, doUpdateCapture, (slug) => revalidatePath(`/t/${slug}/apis`, 'layout'))
}

export async function notifyCallersAction(
  _previous: ActionState<NotifiedCallers>,
  formData: FormData,
): Promise<ActionState<NotifiedCallers>> {
  // Other teams' notification lists change; nothing on this page does.
  return runTeamForm(formData, doNotifyCallers, () => {})
}
