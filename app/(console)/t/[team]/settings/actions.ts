'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { revokeManagementToken } from '@/lib/management-tokens/revoke-management-token'
import {
  createManagementTokenSchema,
  revokeManagementTokenSchema,
  type NewManagementToken,
} from '@/lib/management-tokens/schemas'
import { changeMemberRole } from '@/lib/teams/change-member-role'
import { createInvite } from '@/lib/teams/create-invite'
import { removeMember } from '@/lib/teams/remove-member'
import { revokeInvite } from '@/lib/teams/revoke-invite'
import {
  changeMemberRoleSchema,
  createInviteSchema,
  removeMemberSchema,
  revokeInviteSchema,
  updateTeamSchema,
  type NewInvite,
} from '@/lib/teams/schemas'
import { updateTeam } from '@/lib/teams/update-team'
import { z } from 'zod'
import { deliverNow, type DeliveryOutcome } from '@/lib/webhooks/deliver-now'
import { retryWebhookDelivery } from '@/lib/webhooks/retry-webhook-delivery'
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-webhook-secret'
import { deliveryIdSchema, setWebhookUrlSchema, type WebhookUrlResult } from '@/lib/webhooks/schemas'
import { sendTestWebhook } from '@/lib/webhooks/send-test-webhook'
import { clearWebhookUrl, setWebhookUrl } from '@/lib/webhooks/set-webhook-url'

// Every action takes the team slug from a hidden field; teamAction then checks, on the server,
// that the signed-in user is a member with 'team.manage' there. The scope's team id and role come
// from that check, never from the form, so a forged id from another team only ever reads "not found".

// Audit targets: the row an input or result names (an invite, a membership), else the team.

const doUpdateTeam = teamAction(
  'team.manage',
  updateTeamSchema,
  async (input, context, tx) => {
    const team = await updateTeam(scopeOf(context), input, tx)
    return { name: team.name, contactEmail: team.contactEmail }
  },
  { audit: 'team.update', transaction: true },
)

const doCreateInvite = teamAction(
  'team.manage',
  createInviteSchema,
  async (input, context, tx) => {
    const { invite, token } = await createInvite(scopeOf(context), input, new Date(), tx)
    const expiresAt = invite.expiresAt.toISOString()
    return { id: invite.id, token, role: invite.role, email: invite.email, expiresAt }
  },
  { audit: 'team.member.invite', transaction: true },
)

const doRevokeInvite = teamAction(
  'team.manage',
  revokeInviteSchema,
  async (input, context, tx) => {
    await revokeInvite(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'team.invite.revoke', transaction: true },
)

const doChangeRole = teamAction(
  'team.manage',
  changeMemberRoleSchema,
  async (input, context, tx) => {
    const membership = await changeMemberRole(scopeOf(context), input, tx)
    return { role: membership.role }
  },
  { audit: 'team.member.change_role', transaction: true },
)

const doRemoveMember = teamAction(
  'team.manage',
  removeMemberSchema,
  async (input, context, tx) => {
    const removed = await removeMember(scopeOf(context), input, tx)
    return { leftTeam: removed.userId === context.user.id }
  },
  { audit: 'team.member.remove', transaction: true },
)

function run<T>(formData: FormData, action: TeamActionRunner<T>) {
  // The layout's team switcher shows names and memberships too, so refresh from the root.
  return runTeamForm(formData, action, () => revalidatePath('/', 'layout'))
}

export type TeamDetails = { name: string; contactEmail: string | null }

export async function updateTeamAction(
  _previous: ActionState<TeamDetails>,
  formData: FormData,
): Promise<ActionState<TeamDetails>> {
  return run(formData, doUpdateTeam)
}

export async function createInviteAction(
  _previous: ActionState<NewInvite>,
  formData: FormData,
): Promise<ActionState<NewInvite>> {
  return run(formData, doCreateInvite)
}

export async function revokeInviteAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, doRevokeInvite)
}

export async function changeMemberRoleAction(
  _previous: ActionState<{ role: string }>,
  formData: FormData,
): Promise<ActionState<{ role: string }>> {
  return run(formData, doChangeRole)
}

export async function removeMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await run(formData, doRemoveMember)
  // Someone who just left can no longer see this page; redirect() must run outside teamAction's try.
  if (result.ok && result.data.leftTeam) redirect('/catalog')
  return result.ok ? { ok: true, data: undefined } : result
}

// ───────────── webhooks ─────────────
// Same 'team.manage' check. The signing secret is in the result of the action that creates it
// (first URL, rotation) and nowhere else; the page only ever learns whether one exists.

export type WebhookSecretResult = { secret: string }
export type WebhookSendResult = DeliveryOutcome | null

const doSetWebhookUrl = teamAction(
  'team.manage',
  setWebhookUrlSchema,
  async (input, context): Promise<WebhookUrlResult> => setWebhookUrl(scopeOf(context), input),
  { audit: 'webhook.set_url' },
)
const doClearWebhookUrl = teamAction(
  'team.manage',
  z.object({}),
  async (_input, context, tx): Promise<WebhookUrlResult> => {
    await clearWebhookUrl(scopeOf(context), tx)
    return { url: null, secret: null }
  },
  { audit: 'webhook.clear_url', transaction: true },
)
const doRotateWebhookSecret = teamAction(
  'team.manage',
  z.object({}),
  async (_input, context, tx) => rotateWebhookSecret(scopeOf(context), tx),
  { audit: 'webhook.rotate_secret', transaction: true },
)
// A test event is a real delivery (a row in the delivery log, a request to the receiver).
const doSendTestWebhook = teamAction(
  'team.manage',
  z.object({}),
  async (_input, context) => {
    const scope = scopeOf(context)
    return deliverNow(scope, await sendTestWebhook(scope))
  },
  { audit: 'webhook.send_test' },
)
const doRetryWebhookDelivery = teamAction(
  'team.manage',
  deliveryIdSchema,
  async (input, context) => {
    const scope = scopeOf(context)
    await retryWebhookDelivery(scope, input)
    return deliverNow(scope, input)
  },
  { audit: 'webhook_delivery.retry' },
)

function runWebhook<T>(formData: FormData, action: TeamActionRunner<T>) {
  return runTeamForm(formData, action, (slug) => revalidatePath(`/t/${slug}/settings`))
}

export async function setWebhookUrlAction(
  _previous: ActionState<WebhookUrlResult>,
  formData: FormData,
): Promise<ActionState<WebhookUrlResult>> {
  return runWebhook(formData, doSetWebhookUrl)
}
export async function clearWebhookUrlAction(
  _previous: ActionState<WebhookUrlResult>,
  formData: FormData,
): Promise<ActionState<WebhookUrlResult>> {
  return runWebhook(formData, doClearWebhookUrl)
}
export async function rotateWebhookSecretAction(
  _previous: ActionState<WebhookSecretResult>,
  formData: FormData,
): Promise<ActionState<WebhookSecretResult>> {
  return runWebhook(formData, doRotateWebhookSecret)
}
export async function sendTestWebhookAction(
  _previous: ActionState<WebhookSendResult>,
  formData: FormData,
): Promise<ActionState<WebhookSendResult>> {
  return runWebhook(formData, doSendTestWebhook)
}
export async function retryWebhookDeliveryAction(
  _previous: ActionState<WebhookSendResult>,
  formData: FormData,
): Promise<ActionState<WebhookSendResult>> {
  return runWebhook(formData, doRetryWebhookDelivery)
}

// ───────────── management tokens ─────────────
// Any member may create a token for themselves: it never does more than its creator's role, so a
// viewer's write token still cannot write. Revoking is for the creator or a team admin (the lib
// function checks). The value is in the create result and nowhere else (the audit log redacts it);
// the token's id makes it the entry's target.

const doCreateManagementToken = teamAction(
  'team.read',
  createManagementTokenSchema,
  async (input, context, tx): Promise<NewManagementToken & { id: string }> => {
    const { token, value } = await createManagementToken(scopeOf(context), input, {}, tx)
    return { id: token.id, value, name: token.name, prefix: token.prefix }
  },
  { audit: 'management_token.create', transaction: true },
)
const doRevokeManagementToken = teamAction(
  'team.read',
  revokeManagementTokenSchema,
  async (input, context, tx) => {
    await revokeManagementToken(scopeOf(context), input, tx)
    return undefined
  },
  { audit: 'management_token.revoke', transaction: true },
)

export async function createManagementTokenAction(
  _previous: ActionState<NewManagementToken>,
  formData: FormData,
): Promise<ActionState<NewManagementToken>> {
  return runTeamForm(formData, doCreateManagementToken, (slug) => revalidatePath(`/t/${slug}/settings`))
}
export async function revokeManagementTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTeamForm(formData, doRevokeManagementToken, (slug) => revalidatePath(`/t/${slug}/settings`))
}
