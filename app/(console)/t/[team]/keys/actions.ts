'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'
import { createKey } from '@/lib/keys/create-key'
import { revokeKey } from '@/lib/keys/revoke-key'
import { rotateKey } from '@/lib/keys/rotate-key'
import { createKeySchema, revokeKeySchema, rotateKeySchema, type NewKey } from '@/lib/keys/schemas'

// The team id comes from teamAction's membership check, never from the form: another team's key
// id only ever reads "not found". The full key value is in the result of create and rotate only
// (the audit log redacts it); the new key's id makes it the entry's target, as in /api/v1.

type CreatedKey = NewKey & { id: string }

const doCreate = teamAction(
  'keys.write',
  createKeySchema,
  async (input, context, tx): Promise<CreatedKey> => {
    const { key, value } = await createKey(scopeOf(context), input, tx)
    return { id: key.id, value, name: key.name, prefix: key.prefix }
  },
  { audit: 'key.create', transaction: true },
)
const doRotate = teamAction(
  'keys.write',
  rotateKeySchema,
  async (input, context, tx): Promise<CreatedKey> => {
    const { key, value, previous } = await rotateKey(scopeOf(context), input, tx)
    const graceEndsAt = previous.graceEndsAt?.toISOString() ?? null
    return { id: key.id, value, name: key.name, prefix: key.prefix, graceEndsAt }
  },
  { audit: 'key.rotate', transaction: true },
)
const doRevoke = teamAction(
  'keys.write',
  revokeKeySchema,
  async (input, context, tx) => {
    await revokeKey(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'key.revoke', transaction: true },
)

function run<T>(formData: FormData, action: TeamActionRunner<T>): Promise<ActionState<T>> {
  return runTeamForm(formData, action, (slug) => revalidatePath(`/t/${slug}/keys`))
}

export async function createKeyAction(
  _previous: ActionState<NewKey>,
  formData: FormData,
): Promise<ActionState<NewKey>> {
  return run(formData, doCreate)
}
export async function rotateKeyAction(
  _previous: ActionState<NewKey>,
  formData: FormData,
): Promise<ActionState<NewKey>> {
  return run(formData, doRotate)
}
export async function revokeKeyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, doRevoke)
}
