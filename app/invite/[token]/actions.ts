'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ActionState } from '@/lib/auth/action-result'
import { getSessionUser } from '@/lib/auth/team-context'
import { toAppError } from '@/lib/errors/to-problem'
import { acceptInvite } from '@/lib/teams/accept-invite'

export async function acceptInviteAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const token = String(formData.get('token') ?? '')
  const user = await getSessionUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`)
  let teamSlug: string
  try {
    teamSlug = (await acceptInvite(user, token)).teamSlug
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) console.error('accept invite failed', error)
    return { ok: false, error: appError.message }
  }
  revalidatePath('/', 'layout')
  redirect(`/t/${teamSlug}/apis`)
}
