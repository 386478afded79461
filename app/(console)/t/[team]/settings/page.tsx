import type { Metadata } from 'next'
import { ButtonLink } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { ManagementTokensSection } from '@/components/management-tokens/management-tokens-section'
import { InviteForm } from '@/components/teams/invite-form'
import { MembersTable } from '@/components/teams/members-table'
import { PendingInvitesTable } from '@/components/teams/pending-invites-table'
import { TeamDetailsForm } from '@/components/teams/team-details-form'
import { WebhookSettingsSection } from '@/components/webhooks/webhook-settings-section'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { listManagementTokens } from '@/lib/management-tokens/list-management-tokens'
import { listManagementTokensQuerySchema } from '@/lib/management-tokens/schemas'
import { getTeam } from '@/lib/teams/get-team'
import { listPendingInvites } from '@/lib/teams/list-invites'
import { listMembers } from '@/lib/teams/list-members'
import { getWebhookSettings } from '@/lib/webhooks/get-webhook-settings'
import { listWebhookDeliveries } from '@/lib/webhooks/list-webhook-deliveries'
import { parseListDeliveriesQuery } from '@/lib/webhooks/schemas'
import {
  changeMemberRoleAction,
  clearWebhookUrlAction,
  createInviteAction,
  createManagementTokenAction,
  removeMemberAction,
  retryWebhookDeliveryAction,
  revokeInviteAction,
  revokeManagementTokenAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookUrlAction,
  updateTeamAction,
} from './actions'

export const metadata: Metadata = { title: 'Team & members' }

const WEBHOOK_ACTIONS = {
  save: setWebhookUrlAction,
  clear: clearWebhookUrlAction,
  rotate: rotateWebhookSecretAction,
  sendTest: sendTestWebhookAction,
  retry: retryWebhookDeliveryAction,
}

const MANAGEMENT_TOKEN_ACTIONS = { create: createManagementTokenAction, revoke: revokeManagementTokenAction }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function TeamSettingsPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  const canManage = context.can('team.manage')
  const scope = scopeOf(context)
  // Webhook settings and deliveries (payloads carry billing events) are for owners and admins only.
  const deliveriesQuery = parseListDeliveriesQuery(raw)
  const tokensQuery = listManagementTokensQuerySchema.parse({ tq: raw.tq, tpage: raw.tpage })
  const [team, members, invites, webhook, deliveries, tokens] = await Promise.all([
    getTeam(scope),
    listMembers(scope),
    listPendingInvites(scope),
    canManage ? getWebhookSettings(scope) : null,
    canManage ? listWebhookDeliveries(scope, deliveriesQuery) : null,
    listManagementTokens(scope, { q: tokensQuery.tq, page: tokensQuery.tpage }),
  ])
  const canTouchOwner = context.role === 'OWNER'

  return (
    <div className="space-y-6">
      <PageHeader
        title="Team & members"
        description={
          canManage ? 'Team details, members and invite links.' : 'Only owners and admins can change these settings.'
        }
        actions={
          <ButtonLink href="/teams/new" variant="secondary">
            Create another team
          </ButtonLink>
        }
      />
      <Card>
        <CardHeader title="Team" />
        <CardBody>
          <TeamDetailsForm team={team} canManage={canManage} action={updateTeamAction} />
        </CardBody>
      </Card>
      <section className="space-y-3" aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-sm font-semibold text-slate-900">
          Members ({members.length})
        </h2>
        <MembersTable
          teamSlug={team.slug}
          members={members}
          currentUserId={context.user.id}
          canManage={canManage}
          canTouchOwner={canTouchOwner}
          changeRole={changeMemberRoleAction}
          remove={removeMemberAction}
        />
      </section>
      {canManage ? (
        <Card>
          <CardHeader
            title="Invite someone"
            description="Anyone signed in who opens the link joins with the chosen role. Links expire after 7 days."
          />
          <CardBody>
            <InviteForm teamSlug={team.slug} canTouchOwner={canTouchOwner} action={createInviteAction} />
          </CardBody>
        </Card>
      ) : null}
      <section className="space-y-3" aria-labelledby="invites-heading">
        <h2 id="invites-heading" className="text-sm font-semibold text-slate-900">
          Pending invites
        </h2>
        <PendingInvitesTable teamSlug={team.slug} invites={invites} canManage={canManage} revoke={revokeInviteAction} />
      </section>
      {webhook && deliveries ? (
        <WebhookSettingsSection
          teamSlug={team.slug}
          settings={webhook}
          deliveries={deliveries}
          query={deliveriesQuery}
          actions={WEBHOOK_ACTIONS}
        />
      ) : null}
      <ManagementTokensSection
        teamSlug={team.slug}
        tokens={tokens}
        query={tokensQuery}
        currentParams={{ dstate: deliveriesQuery.dstate, dpage: String(deliveriesQuery.dpage) }}
        canRevoke={(token) => canManage || token.createdById === context.user.id}
        actions={MANAGEMENT_TOKEN_ACTIONS}
      />
    </div>
  )
}
