'use server'

import { revalidatePath } from 'next/cache'
import { createVersion } from '@/lib/apis/create-version'
import { deleteDraftVersion } from '@/lib/apis/delete-draft-version'
import { createVersionSchema, updateDraftVersionSchema, versionIdSchema } from '@/lib/apis/schemas'
import { updateDraftVersion } from '@/lib/apis/update-draft-version'
import { scopeOf } from '@/lib/auth/actor'
import { teamAction } from '@/lib/auth/team-action'
import { actionInput } from '../action-input'

const create = teamAction('apis.write', createVersionSchema, (input, context) => createVersion(scopeOf(context), input))
const update = teamAction('apis.write', updateDraftVersionSchema, (input, context) =>
  updateDraftVersion(scopeOf(context), input),
)
const remove = teamAction('apis.write', versionIdSchema, (input, context) =>
  deleteDraftVersion(scopeOf(context), input),
)

export async function createVersionAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await create(teamSlug, actionInput(input))
  if (result.ok) revalidatePath(`/t/${teamSlug}/apis`, 'layout')
  return result
}

export async function updateDraftVersionAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await update(teamSlug, actionInput(input))
  if (result.ok) revalidatePath(`/t/${teamSlug}/apis`, 'layout')
  return result
}

export async function deleteDraftVersionAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await remove(teamSlug, actionInput(input))
  if (result.ok) revalidatePath(`/t/${teamSlug}/apis`, 'layout')
  return result
}
