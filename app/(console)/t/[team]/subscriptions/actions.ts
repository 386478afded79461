'use server'

import { revalidatePath } from 'next/cache'
import type { ActionResult, ActionState } from '@/lib/auth/action-result'
import { formDataToObject, teamAction } from '@/lib/auth/team-action'
import type { TeamContext } from '@/lib/auth/team-context'
import { cancelSubscription } from '@/lib/subscriptions/cancel-subscription'
import { approveSubscription, rejectSubscription, suspendSubscription } from '@/lib/subscriptions/decide-subscription'
import {
  approveSubscriptionSchema, cancelSubscriptionSchema, rejectSubscriptionSchema, suspendSubscriptionSchema,
} from '@/lib/subscriptions/schemas'
import type { SubscriptionActor } from '@/lib/subscriptions/subscription-actor'

// The team slug comes from a hidden field; teamAction checks membership and the permission on the
// server. The actor's team id comes from that check, never from the form, so another team's
// subscription id only ever reads "not found".

const actorOf = (context: TeamContext): SubscriptionActor => ({ teamId: context.team.id, userId: context.user.id })

const doApprove = teamAction('subscriptions.approve', approveSubscriptionSchema, async (input, context) => {
  await approveSubscription(actorOf(context), input)
  return undefined
})
const doReject = teamAction('subscriptions.approve', rejectSubscriptionSchema, async (input, context) => {
  await rejectSubscription(actorOf(context), input)
  return undefined
})
const doSuspend = teamAction('subscriptions.approve', suspendSubscriptionSchema, async (input, context) => {
  await suspendSubscription(actorOf(context), input)
  return undefined
})
const doCancel = teamAction('subscriptions.write', cancelSubscriptionSchema, async (input, context) => {
  await cancelSubscription(actorOf(context), input)
  return undefined
})

async function run(formData: FormData, action: (slug: string, raw: unknown) => Promise<ActionResult<undefined>>): Promise<ActionState> {
  const slug = String(formData.get('team') ?? '')
  const result = await action(slug, formDataToObject(formData))
  if (result.ok) {
    revalidatePath(`/t/${slug}/subscriptions`)
    revalidatePath('/catalog/[team]/[api]', 'page')
  }
  return result
}

export async function approveSubscriptionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, doApprove)
}
export async function rejectSubscriptionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, doReject)
}
export async function suspendSubscriptionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, doSuspend)
}
export async function cancelSubscriptionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, doCancel)
}
