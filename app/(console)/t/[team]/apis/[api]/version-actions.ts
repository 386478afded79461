'use server'

import { revalidatePath } from 'next/cache'
import { deleteDraftVersion, type DeletedDraft } from '@/lib/apis/delete-draft-version'
import { versionIdSchema } from '@/lib/apis/schemas'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'

// Versions are added and edited through the upload route (contract-upload/route.ts): a contract
// is larger than a server action's body may be.
const doDelete = teamAction('apis.write', versionIdSchema, (input, context) =>
  deleteDraftVersion(scopeOf(context), input),
)

function run<T>(formData: FormData, action: TeamActionRunner<T>): Promise<ActionState<T>> {
  return runTeamForm(formData, action, (slug) => revalidatePath(`/t/${slug}/apis`, 'layout'))
}

export async function deleteDraftVersionAction(
  _previous: ActionState<DeletedDraft>,
  formData: FormData,
): Promise<ActionState<DeletedDraft>> {
  return run(formData, doDelete)
}
