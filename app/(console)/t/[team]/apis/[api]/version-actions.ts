'use server'

import { revalidatePath } from 'next/cache'
import { createAiVersionSchema, updateAiVersionSchema } from '@/lib/ai/console/ai-version-schemas'
import { createAiVersion, updateAiVersion } from '@/lib/ai/console/save-ai-version'
import { createVersion } from '@/lib/apis/create-version'
import { deleteDraftVersion, type DeletedDraft } from '@/lib/apis/delete-draft-version'
import { createVersionSchema, updateDraftVersionSchema, versionIdSchema } from '@/lib/apis/schemas'
import { updateDraftVersion, type SavedVersion } from '@/lib/apis/update-draft-version'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'

// A new version and an edited one answer alike, so the version form handles both the same way.
const doCreate = teamAction('apis.write', createVersionSchema, async (input, context): Promise<SavedVersion> => {
  const version = await createVersion(scopeOf(context), input)
  return { versionId: version.id, version: version.version, created: true }
})
const doUpdate = teamAction('apis.write', updateDraftVersionSchema, (input, context) =>
  updateDraftVersion(scopeOf(context), input),
)
const doDelete = teamAction('apis.write', versionIdSchema, (input, context) =>
  deleteDraftVersion(scopeOf(context), input),
)

// AI_CHAT versions: the design (models and routes) instead of an uploaded contract.
const doCreateAi = teamAction('apis.write', createAiVersionSchema, (input, context) =>
  createAiVersion(scopeOf(context), input),
)
const doUpdateAi = teamAction('apis.write', updateAiVersionSchema, (input, context) =>
  updateAiVersion(scopeOf(context), input),
)

function run<T>(formData: FormData, action: TeamActionRunner<T>): Promise<ActionState<T>> {
  return runTeamForm(formData, action, (slug) => revalidatePath(`/t/${slug}/apis`, 'layout'))
}

export async function createVersionAction(
  _previous: ActionState<SavedVersion>,
  formData: FormData,
): Promise<ActionState<SavedVersion>> {
  return run(formData, doCreate)
}

export async function updateDraftVersionAction(
  _previous: ActionState<SavedVersion>,
  formData: FormData,
): Promise<ActionState<SavedVersion>> {
  return run(formData, doUpdate)
}

export async function deleteDraftVersionAction(
  _previous: ActionState<DeletedDraft>,
  formData: FormData,
): Promise<ActionState<DeletedDraft>> {
  return run(formData, doDelete)
}

export async function createAiVersionAction(
  _previous: ActionState<SavedVersion>,
  formData: FormData,
): Promise<ActionState<SavedVersion>> {
  return run(formData, doCreateAi)
}

export async function updateAiVersionAction(
  _previous: ActionState<SavedVersion>,
  formData: FormData,
): Promise<ActionState<SavedVersion>> {
  return run(formData, doUpdateAi)
}
