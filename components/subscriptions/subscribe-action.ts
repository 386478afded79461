'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { formDataToObject, teamAction } from '@/lib/auth/team-action'
import { subscribeSchema } from '@/lib/subscriptions/schemas'
import { subscribe } from '@/lib/subscriptions/subscribe'

// The catalog's subscribe form posts the chosen team's slug; teamAction checks, on the server, that
// the user may subscribe for that team ('subscriptions.write'), and the service re-checks that the
// team can see the API and that the plan belongs to it.

export type SubscribeResult = { state: string; planName: string; teamSlug: string }

const doSubscribe = teamAction(
  'subscriptions.write',
  subscribeSchema,
  async (input, context): Promise<SubscribeResult> => {
    const subscription = await subscribe({ teamId: context.team.id, userId: context.user.id }, input)
    return { state: subscription.state, planName: subscription.plan.name, teamSlug: context.team.slug }
  },
)

export async function subscribeAction(
  _previous: ActionState<SubscribeResult>,
  formData: FormData,
): Promise<ActionState<SubscribeResult>> {
  const slug = String(formData.get('team') ?? '')
  const result = await doSubscribe(slug, formDataToObject(formData))
  if (result.ok) {
    revalidatePath('/catalog/[team]/[api]', 'page')
    revalidatePath(`/t/${slug}/subscriptions`)
  }
  return result
}
