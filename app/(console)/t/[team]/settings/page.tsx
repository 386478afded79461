import type { Metadata } from 'next'
import { ButtonLink } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { InviteForm } from '@/components/teams/invite-form'
import { MembersTable } from '@/components/teams/members-table'
import { PendingInvitesTable } from '@/components/teams/pending-invites-table'
import { TeamDetailsForm } from '@/components/teams/team-details-form'
import { requireTeamPage } from '@/lib/auth/team-context'
import { getTeam } from '@/lib/teams/get-team'
import { listPendingInvites } from '@/lib/teams/list-invites'
import { listMembers } from '@/lib/teams/list-members'
import { changeMemberRoleAction, createInviteAction, removeMemberAction, revokeInviteAction, updateTeamAction } from './actions'

export const metadata: Metadata = { title: 'Team & members' }

export default async function TeamSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params
  const context = await requireTeamPage(slug)
  const [team, members, invites] = await Promise.all([getTeam(context.team.id), listMembers(context.team.id), listPendingInvites(context.team.id)])
  const canManage = context.can('team.manage')
  const canTouchOwner = context.role === 'OWNER'

  return (
    <div className="space-y-6">
      <PageHeader title="Team & members" description={canManage ? 'Team details, members and invite links.' : 'Only owners and admins can change these settings.'}
        actions={<ButtonLink href="/teams/new" variant="secondary">Create another team</ButtonLink>} />
      <Card>
        <CardHeader title="Team" />
        <CardBody><TeamDetailsForm team={team} canManage={canManage} action={updateTeamAction} /></CardBody>
      </Card>
      <section className="space-y-3" aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-sm font-semibold text-slate-900">Members ({members.length})</h2>
        <MembersTable teamSlug={team.slug} members={members} currentUserId={context.user.id} canManage={canManage}
          canTouchOwner={canTouchOwner} changeRole={changeMemberRoleAction} remove={removeMemberAction} />
      </section>
      {canManage ? (
        <Card>
          <CardHeader title="Invite someone" description="Anyone signed in who opens the link joins with the chosen role. Links expire after 7 days." />
          <CardBody><InviteForm teamSlug={team.slug} canTouchOwner={canTouchOwner} action={createInviteAction} /></CardBody>
        </Card>
      ) : null}
      <section className="space-y-3" aria-labelledby="invites-heading">
        <h2 id="invites-heading" className="text-sm font-semibold text-slate-900">Pending invites</h2>
        <PendingInvitesTable teamSlug={team.slug} invites={invites} canManage={canManage} revoke={revokeInviteAction} />
      </section>
    </div>
  )
}
