'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction } from '@/lib/auth/team-action'
import { subscribeSchema, type SubscribeResult } from '@/lib/subscriptions/schemas'
import { subscribe } from '@/lib/subscriptions/subscribe'

// The catalog's subscribe form posts the chosen team's slug; teamAction checks, on the server, that
// the user may subscribe for that team ('subscriptions.write'), and the service re-checks that the
// team can see the API and that the plan belongs to it.

const doSubscribe = teamAction(
  'subscriptions.write',
  subscribeSchema,
  async (input, context, tx): Promise<SubscribeResult & { id: string }> => {
    const subscription = await subscribe(scopeOf(context), input, tx)
    // The id makes the new subscription the audit entry's target.
    return {
      id: subscription.id,
      state: subscription.state,
      planName: subscription.plan.name,
      teamSlug: context.team.slug,
    }
  },
  { audit: 'subscription.create', transaction: true },
)

export async function subscribeAction(
  _previous: ActionState<SubscribeResult>,
  formData: FormData,
): Promise<ActionState<SubscribeResult>> {
  return runTeamForm(formData, doSubscribe, (slug) => {
    revalidatePath('/catalog/[team]/[api]', 'page')
    revalidatePath(`/t/${slug}/subscriptions`)
  })
}
