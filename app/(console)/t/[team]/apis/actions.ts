'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { createApi, type SavedApi } from '@/lib/apis/create-api'
import { createApiSchema, updateApiSchema } from '@/lib/apis/schemas'
import { updateApi } from '@/lib/apis/update-api'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction } from '@/lib/auth/team-action'

// The team comes from teamAction's membership check (the form's hidden `team` field names it),
// never from the input: another team's API id only ever reads "not found".

const doCreate = teamAction(
  'apis.write',
  createApiSchema,
  (input, context, tx) => createApi(scopeOf(context), input, tx),
  { audit: 'api.create', transaction: true },
)
const doUpdate = teamAction(
  'apis.write',
  updateApiSchema,
  (input, context, tx) => updateApi(scopeOf(context), input, tx),
  { audit: 'api.update', transaction: true },
)

export async function createApiAction(
  _previous: ActionState<SavedApi>,
  formData: FormData,
): Promise<ActionState<SavedApi>> {
  const result = await runTeamForm(formData, doCreate, (slug) => revalidatePath(`/t/${slug}/apis`))
  // redirect() throws, so it runs outside teamAction's error handling.
  if (result.ok) redirect(`/t/${String(formData.get('team'))}/apis/${result.data.slug}`)
  return result
}

export async function updateApiAction(
  _previous: ActionState<SavedApi>,
  formData: FormData,
): Promise<ActionState<SavedApi>> {
  return runTeamForm(formData, doUpdate, (slug) => revalidatePath(`/t/${slug}/apis`, 'layout'))
}
