import { afterAll, beforeAll } from 'vitest'
import { updateBillingSettings } from '@/lib/billing/update-billing-settings'
import { db, type Tx } from '@/lib/db'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { revokeManagementToken } from '@/lib/management-tokens/revoke-management-token'
import { changeMemberRole } from '@/lib/teams/change-member-role'
import { createInvite } from '@/lib/teams/create-invite'
import { removeMember } from '@/lib/teams/remove-member'
import { revokeInvite } from '@/lib/teams/revoke-invite'
import { updateTeam } from '@/lib/teams/update-team'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { clearWebhookUrl } from '@/lib/webhooks/set-webhook-url'
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-webhook-secret'
import { describeAtomicChanges, type AtomicChangeCase } from './testing/describe-atomic-changes'

// Team settings changes (the team, members, invites, webhooks, management tokens) as their
// console actions run them: each commits with its audit entry or not at all.

let cleanup: () => Promise<void>
let team: TestTeam

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  team = await createTestTeam({ label: 'atomic-settings' })
})
afterAll(async () => {
  await cleanup?.()
})

const fresh = () => Math.random().toString(36).slice(2, 8)
const teamRow = () =>
  db.team.findUniqueOrThrow({
    where: { id: team.id },
    select: { name: true, webhookUrl: true, webhookSecretEnc: true },
  })
const invites = () => db.invite.findMany({ where: { teamId: team.id }, select: { id: true } })
const memberships = () => db.membership.findMany({ where: { teamId: team.id }, select: { id: true, role: true } })
const tokens = () => db.managementToken.findMany({ where: { teamId: team.id }, select: { id: true, revokedAt: true } })
async function newMember() {
  const other = await createTestTeam({ label: 'joiner' })
  const data = { id: `mem_${fresh()}`, teamId: team.id, userId: other.user.id, role: 'VIEWER' as const }
  return (await db.membership.create({ data })).id
}

const inTeam = (change: (tx?: Tx) => Promise<unknown>, observe: () => Promise<unknown>) => async () => ({
  team,
  change,
  observe,
})

const billing = () => db.billingAccount.findUnique({ where: { teamId: team.id }, select: { creditLimitMicros: true } })
// Each run raises the limit, so a committed change always differs from what was there.
let creditLimitChanges = 0
const settingsWithLimit = (creditLimit: string) => ({ monthlyBudget: '', alertThresholds: '80,100', creditLimit })

const CASES: AtomicChangeCase[] = [
  {
    label: 'saving the billing settings',
    audit: 'billing.settings.update',
    prepare: async () => {
      const limit = String(++creditLimitChanges)
      return inTeam((tx) => updateBillingSettings(team.scope, settingsWithLimit(limit), new Date(), tx), billing)()
    },
  },
  {
    label: 'renaming the team',
    audit: 'team.update',
    prepare: inTeam((tx) => updateTeam(team.scope, { name: `Team ${fresh()}` }, tx), teamRow),
  },
  {
    label: 'inviting a member',
    audit: 'team.member.invite',
    prepare: inTeam((tx) => createInvite(team.scope, { role: 'VIEWER' }, new Date(), tx), invites),
  },
  {
    label: 'revoking an invite',
    audit: 'team.invite.revoke',
    prepare: async () => {
      const { invite } = await createInvite(team.scope, { role: 'VIEWER' })
      return inTeam((tx) => revokeInvite(team.scope, { inviteId: invite.id }, tx), invites)()
    },
  },
  {
    label: 'changing a member’s role',
    audit: 'team.member.change_role',
    prepare: async () => {
      const membershipId = await newMember()
      return inTeam((tx) => changeMemberRole(team.scope, { membershipId, role: 'MEMBER' }, tx), memberships)()
    },
  },
  {
    label: 'removing a member',
    audit: 'team.member.remove',
    prepare: async () => {
      const membershipId = await newMember()
      return inTeam((tx) => removeMember(team.scope, { membershipId }, tx), memberships)()
    },
  },
  {
    label: 'clearing the webhook URL',
    audit: 'webhook.clear_url',
    prepare: async () => {
      await db.team.update({ where: { id: team.id }, data: { webhookUrl: 'https://hooks.example.com/in' } })
      return inTeam((tx) => clearWebhookUrl(team.scope, tx), teamRow)()
    },
  },
  {
    label: 'rotating the webhook secret',
    audit: 'webhook.rotate_secret',
    prepare: inTeam((tx) => rotateWebhookSecret(team.scope, tx), teamRow),
  },
  {
    label: 'creating a management token',
    audit: 'management_token.create',
    prepare: inTeam((tx) => createManagementToken(team.scope, { name: 'ci', access: 'read' }, {}, tx), tokens),
  },
  {
    label: 'revoking a management token',
    audit: 'management_token.revoke',
    prepare: async () => {
      const { token } = await createManagementToken(team.scope, { name: 'old', access: 'read' })
      return inTeam((tx) => revokeManagementToken(team.scope, { tokenId: token.id }, tx), tokens)()
    },
  },
]

describeAtomicChanges(CASES)
