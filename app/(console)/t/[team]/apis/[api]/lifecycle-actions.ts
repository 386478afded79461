'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'
import { deprecateVersion, type DeprecatedVersion } from '@/lib/lifecycle/deprecate-version'
import { getPublishChecks, type PublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { publishVersion, type PublishedVersion } from '@/lib/lifecycle/publish-version'
import { retireVersion, type RetiredVersion } from '@/lib/lifecycle/retire-version'
import { deprecateVersionSchema, publishVersionSchema, retireVersionSchema } from '@/lib/lifecycle/schemas'

// The checks only read: nothing to audit.
const doCheck = teamAction(
  'apis.publish',
  publishVersionSchema,
  (input, context) => getPublishChecks(scopeOf(context), input),
  { audit: false },
)
const doPublish = teamAction(
  'apis.publish',
  publishVersionSchema,
  (input, context) => publishVersion(scopeOf(context), input),
  { audit: 'version.publish' },
)
const doDeprecate = teamAction(
  'apis.publish',
  deprecateVersionSchema,
  (input, context, tx) => deprecateVersion(scopeOf(context), input, new Date(), tx),
  { audit: 'version.deprecate', transaction: true },
)
// The early-retire right comes from the member's role in the scope, never from the form.
const doRetire = teamAction(
  'apis.publish',
  retireVersionSchema,
  (input, context, tx) => retireVersion(scopeOf(context), input, new Date(), tx),
  { audit: 'version.retire', transaction: true },
)

function run<T>(formData: FormData, action: TeamActionRunner<T>): Promise<ActionState<T>> {
  return runTeamForm(formData, action, (slug) => {
    revalidatePath(`/t/${slug}/apis`, 'layout')
    revalidatePath('/catalog', 'layout')
  })
}

/** Runs the publish checks (validation, upstream, plan, breaking changes) without publishing. */
export async function checkPublishAction(
  _previous: ActionState<PublishChecks>,
  formData: FormData,
): Promise<ActionState<PublishChecks>> {
  // Nothing changes, so nothing is revalidated.
  return runTeamForm(formData, doCheck, () => {})
}

export async function publishVersionAction(
  _previous: ActionState<PublishedVersion>,
  formData: FormData,
): Promise<ActionState<PublishedVersion>> {
  return run(formData, doPublish)
}

export async function deprecateVersionAction(
  _previous: ActionState<DeprecatedVersion>,
  formData: FormData,
): Promise<ActionState<DeprecatedVersion>> {
  return run(formData, doDeprecate)
}

export async function retireVersionAction(
  _previous: ActionState<RetiredVersion>,
  formData: FormData,
): Promise<ActionState<RetiredVersion>> {
  return run(formData, doRetire)
}
