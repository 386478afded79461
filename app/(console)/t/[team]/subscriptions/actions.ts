'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'
import { cancelSubscription } from '@/lib/subscriptions/cancel-subscription'
import { approveSubscription, rejectSubscription, suspendSubscription } from '@/lib/subscriptions/decide-subscription'
import {
  approveSubscriptionSchema,
  cancelSubscriptionSchema,
  rejectSubscriptionSchema,
  suspendSubscriptionSchema,
} from '@/lib/subscriptions/schemas'

// The team slug comes from a hidden field; teamAction checks membership and the permission on the
// server. The scope's team id comes from that check, never from the form, so another team's
// subscription id only ever reads "not found".

const doApprove = teamAction(
  'subscriptions.approve',
  approveSubscriptionSchema,
  async (input, context, tx) => {
    await approveSubscription(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'subscription.approve', transaction: true },
)
const doReject = teamAction(
  'subscriptions.approve',
  rejectSubscriptionSchema,
  async (input, context, tx) => {
    await rejectSubscription(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'subscription.reject', transaction: true },
)
const doSuspend = teamAction(
  'subscriptions.approve',
  suspendSubscriptionSchema,
  async (input, context, tx) => {
    await suspendSubscription(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'subscription.suspend', transaction: true },
)
const doCancel = teamAction(
  'subscriptions.write',
  cancelSubscriptionSchema,
  async (input, context, tx) => {
    await cancelSubscription(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'subscription.cancel', transaction: true },
)

function run(formData: FormData, action: TeamActionRunner<undefined>): Promise<ActionState> {
  return runTeamForm(formData, action, (slug) => {
    revalidatePath(`/t/${slug}/subscriptions`)
    revalidatePath('/catalog/[team]/[api]', 'page')
  })
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
