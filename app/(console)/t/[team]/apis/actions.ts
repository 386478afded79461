'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { createApi } from '@/lib/apis/create-api'
import { createApiSchema, updateApiSchema } from '@/lib/apis/schemas'
import { updateApi } from '@/lib/apis/update-api'
import { scopeOf } from '@/lib/auth/actor'
import { teamAction } from '@/lib/auth/team-action'
import { actionInput } from './action-input'

const create = teamAction('apis.write', createApiSchema, (input, context) => createApi(scopeOf(context), input))
const update = teamAction('apis.write', updateApiSchema, (input, context) => updateApi(scopeOf(context), input))

export async function createApiAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await create(teamSlug, actionInput(input))
  // redirect() throws, so it runs outside teamAction's error handling.
  if (result.ok) {
    revalidatePath(`/t/${teamSlug}/apis`)
    redirect(`/t/${teamSlug}/apis/${result.data.slug}`)
  }
  return result
}

export async function updateApiAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await update(teamSlug, actionInput(input))
  if (result.ok) revalidatePath(`/t/${teamSlug}/apis`, 'layout')
  return result
}
