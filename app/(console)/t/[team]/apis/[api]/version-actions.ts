'use server'

import { revalidatePath } from 'next/cache'
import { createVersion } from '@/lib/apis/create-version'
import { deleteDraftVersion } from '@/lib/apis/delete-draft-version'
import { createVersionSchema, updateDraftVersionSchema, versionIdSchema } from '@/lib/apis/schemas'
import { updateDraftVersion } from '@/lib/apis/update-draft-version'
import { teamAction } from '@/lib/auth/team-action'
import { actionInput } from '../action-input'

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email })

const create = teamAction('apis.write', createVersionSchema, (input, { team, user }) =>
  createVersion({ teamId: team.id, actor: actorOf(user), input }),
)
const update = teamAction('apis.write', updateDraftVersionSchema, (input, { team, user }) =>
  updateDraftVersion({ teamId: team.id, actor: actorOf(user), input }),
)
const remove = teamAction('apis.write', versionIdSchema, ({ versionId }, { team, user }) =>
  deleteDraftVersion({ teamId: team.id, actor: actorOf(user), versionId }),
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
