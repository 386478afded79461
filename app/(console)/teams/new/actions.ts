'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ActionState } from '@/lib/auth/action-result'
import { formDataToObject } from '@/lib/auth/team-action'
import { getSessionUser } from '@/lib/auth/team-context'
import { fieldErrorsOf } from '@/lib/errors/field-errors'
import { toAppError } from '@/lib/errors/to-problem'
import { createTeam } from '@/lib/teams/create-team'
import { createTeamSchema } from '@/lib/teams/schemas'

// Not a teamAction: the team does not exist yet, so any signed-in user may call it.
export async function createTeamAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getSessionUser()
  if (!user) return { ok: false, error: 'Sign in first' }
  const parsed = createTeamSchema.safeParse(formDataToObject(formData))
  if (!parsed.success)
    return { ok: false, error: 'Please correct the highlighted fields', fieldErrors: fieldErrorsOf(parsed.error) }
  let slug: string
  try {
    slug = (await createTeam(user.id, parsed.data)).slug
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) console.error('create team failed', error)
    return { ok: false, error: appError.message, fieldErrors: appError.fieldErrors }
  }
  // The sidebar's team switcher lives in the layout, which a redirect alone would not refresh.
  revalidatePath('/', 'layout')
  // Outside the try: redirect() works by throwing.
  redirect(`/t/${slug}/settings`)
}
