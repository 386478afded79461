'use server'

import { revalidatePath } from 'next/cache'
import { createAiVersionSchema, updateAiVersionSchema } from '@/lib/ai/console/ai-version-schemas'
import { createAiVersion, updateAiVersion } from '@/lib/ai/console/save-ai-version'
import { runPromptDraftSchema } from '@/lib/ai/prompt/playground-schemas'
import { createPromptVersionSchema, updatePromptVersionSchema } from '@/lib/ai/prompt/prompt-schemas'
import { runPromptDraft, type PromptDraftRun } from '@/lib/ai/prompt/run-prompt-draft'
import { createPromptVersion, updatePromptVersion } from '@/lib/ai/prompt/save-prompt-version'
import { deleteDraftVersion, type DeletedDraft } from '@/lib/apis/delete-draft-version'
import { versionIdSchema } from '@/lib/apis/schemas'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'

// Versions are added and edited through the upload route (contract-upload/route.ts): a contract
// is larger than a server action's body may be.
const doDelete = teamAction(
  'apis.write',
  versionIdSchema,
  (input, context) => deleteDraftVersion(scopeOf(context), input),
  { audit: 'version.delete' },
)

// AI_CHAT versions: the design (models and routes) instead of an uploaded contract.
const doCreateAi = teamAction(
  'apis.write',
  createAiVersionSchema,
  (input, context) => createAiVersion(scopeOf(context), input),
  { audit: 'version.create' },
)
const doUpdateAi = teamAction(
  'apis.write',
  updateAiVersionSchema,
  (input, context) => updateAiVersion(scopeOf(context), input),
  { audit: 'version.update' },
)

// AI_PROMPT versions: the template, its variables and its model; the contract is generated.
const doCreatePrompt = teamAction(
  'apis.write',
  createPromptVersionSchema,
  (input, context) => createPromptVersion(scopeOf(context), input),
  { audit: 'version.create' },
)
const doUpdatePrompt = teamAction(
  'apis.write',
  updatePromptVersionSchema,
  (input, context) => updatePromptVersion(scopeOf(context), input),
  { audit: 'version.update' },
)
// The playground calls the provider for real (unmetered, uncharged): an editor's test of the
// design that changes nothing, so nothing is audited.
const doRunPromptDraft = teamAction(
  'apis.write',
  runPromptDraftSchema,
  (input, context) => runPromptDraft(scopeOf(context), input),
  { audit: false },
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

export async function createPromptVersionAction(
  _previous: ActionState<SavedVersion>,
  formData: FormData,
): Promise<ActionState<SavedVersion>> {
  return run(formData, doCreatePrompt)
}

export async function updatePromptVersionAction(
  _previous: ActionState<SavedVersion>,
  formData: FormData,
): Promise<ActionState<SavedVersion>> {
  return run(formData, doUpdatePrompt)
}

export async function runPromptDraftAction(
  _previous: ActionState<PromptDraftRun>,
  formData: FormData,
): Promise<ActionState<PromptDraftRun>> {
  // Nothing the pages show changes, so nothing is revalidated.
  return runTeamForm(formData, doRunPromptDraft, () => {})
}
