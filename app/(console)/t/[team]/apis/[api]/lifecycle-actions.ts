'use server'

import { revalidatePath } from 'next/cache'
import { scopeOf } from '@/lib/auth/actor'
import { teamAction } from '@/lib/auth/team-action'
import { deprecateVersion } from '@/lib/lifecycle/deprecate-version'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { publishVersion } from '@/lib/lifecycle/publish-version'
import { retireVersion } from '@/lib/lifecycle/retire-version'
import { deprecateVersionSchema, publishVersionSchema, retireVersionSchema } from '@/lib/lifecycle/schemas'
import { actionInput } from '../action-input'

const check = teamAction('apis.publish', publishVersionSchema, (input, context) =>
  getPublishChecks(scopeOf(context), input),
)
const publish = teamAction('apis.publish', publishVersionSchema, (input, context) =>
  publishVersion(scopeOf(context), input),
)
const deprecate = teamAction('apis.publish', deprecateVersionSchema, (input, context) =>
  deprecateVersion(scopeOf(context), input),
)
// The early-retire right comes from the member's role in the scope, never from the form.
const retire = teamAction('apis.publish', retireVersionSchema, (input, context) =>
  retireVersion(scopeOf(context), input),
)

function revalidateApis(teamSlug: string) {
  revalidatePath(`/t/${teamSlug}/apis`, 'layout')
  revalidatePath('/catalog', 'layout')
}

/** Runs the publish checks (validation, upstream, plan, breaking changes) without publishing. */
export async function checkPublishAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  return check(teamSlug, actionInput(input))
}

export async function publishVersionAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await publish(teamSlug, actionInput(input))
  if (result.ok) revalidateApis(teamSlug)
  return result
}

export async function deprecateVersionAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await deprecate(teamSlug, actionInput(input))
  if (result.ok) revalidateApis(teamSlug)
  return result
}

export async function retireVersionAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await retire(teamSlug, actionInput(input))
  if (result.ok) revalidateApis(teamSlug)
  return result
}
