'use server'

import { revalidatePath } from 'next/cache'
import { teamAction } from '@/lib/auth/team-action'
import { deprecateVersion } from '@/lib/lifecycle/deprecate-version'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { publishVersion } from '@/lib/lifecycle/publish-version'
import { retireVersion } from '@/lib/lifecycle/retire-version'
import { deprecateVersionSchema, publishVersionSchema, retireVersionSchema } from '@/lib/lifecycle/schemas'
import { actionInput } from '../action-input'

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email })

const check = teamAction('apis.publish', publishVersionSchema, (input, { team }) =>
  getPublishChecks({ teamId: team.id, ...input }),
)
const publish = teamAction('apis.publish', publishVersionSchema, (input, { team, user }) =>
  publishVersion({ teamId: team.id, actor: actorOf(user), ...input }),
)
const deprecate = teamAction('apis.publish', deprecateVersionSchema, (input, { team, user }) =>
  deprecateVersion({ teamId: team.id, actor: actorOf(user), ...input }),
)
// The early-retire right comes from the member's role, never from the form.
const retire = teamAction('apis.publish', retireVersionSchema, (input, { team, user, can }) =>
  retireVersion({ teamId: team.id, actor: actorOf(user), canRetireEarly: can('apis.retire_early'), ...input }),
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
