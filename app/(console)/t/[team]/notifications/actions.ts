'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction } from '@/lib/auth/team-action'
import { markNotificationsRead } from '@/lib/notifications/mark-notifications-read'
import { markNotificationsReadSchema } from '@/lib/notifications/schemas'

// Notifications go to the people who can act on billing and settings: owners and admins, which
// is exactly who holds 'team.manage'. The team id comes from that check, never from the form.

const doMarkRead = teamAction(
  'team.manage',
  markNotificationsReadSchema,
  async (input, context) => ({ count: await markNotificationsRead(scopeOf(context), input) }),
  { audit: 'notification.mark_read' },
)

export async function markNotificationsReadAction(
  _previous: ActionState<{ count: number }>,
  formData: FormData,
): Promise<ActionState<{ count: number }>> {
  // The unread count sits in the shell on every team page.
  return runTeamForm(formData, doMarkRead, (slug) => revalidatePath(`/t/${slug}`, 'layout'))
}
