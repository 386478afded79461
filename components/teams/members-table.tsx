import { Badge } from '@/components/ui/badge'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import type { FormAction } from '@/lib/auth/action-result'
import { ROLE_LABELS, type RoleName } from '@/lib/teams/roles'
import { formatIsoDate } from '@/components/ui/format'
import { MemberRoleForm } from './member-role-form'

export type MemberView = {
  id: string
  role: RoleName
  joinedAt: Date
  user: { id: string; email: string; name: string }
}

export function MembersTable({
  teamSlug,
  members,
  currentUserId,
  canManage,
  canTouchOwner,
  changeRole,
  remove,
}: {
  teamSlug: string
  members: MemberView[]
  currentUserId: string
  canManage: boolean
  canTouchOwner: boolean
  changeRole: FormAction<{ role: string }>
  remove: FormAction
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Joined</Th>
          {canManage ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </thead>
      <TBody>
        {members.map((member) => {
          const isSelf = member.user.id === currentUserId
          return (
            <tr key={member.id} data-member={member.user.email}>
              <Td className="font-medium text-slate-900">
                {member.user.email}{' '}
                {isSelf ? (
                  <Badge tone="blue" className="ml-1">
                    you
                  </Badge>
                ) : null}
              </Td>
              <Td>{member.user.name}</Td>
              <Td>
                {canManage ? (
                  <MemberRoleForm
                    teamSlug={teamSlug}
                    membershipId={member.id}
                    email={member.user.email}
                    role={member.role}
                    canManage={canManage}
                    canTouchOwner={canTouchOwner}
                    action={changeRole}
                  />
                ) : (
                  <Badge tone={member.role === 'OWNER' ? 'violet' : 'gray'}>{ROLE_LABELS[member.role]}</Badge>
                )}
              </Td>
              <Td>{formatIsoDate(member.joinedAt)}</Td>
              {canManage ? (
                <Td className="text-right">
                  <ConfirmActionButton
                    label={isSelf ? 'Leave' : 'Remove'}
                    title={isSelf ? 'Leave this team?' : `Remove ${member.user.email}?`}
                    description={
                      isSelf
                        ? 'You lose access to this team at once. Someone with the owner or admin role must invite you back.'
                        : 'They lose access to this team at once. API keys they created stay with the team.'
                    }
                    confirmLabel={isSelf ? 'Leave team' : 'Remove member'}
                    fields={{ team: teamSlug, membershipId: member.id }}
                    action={remove}
                    disabled={member.role === 'OWNER' && !canTouchOwner}
                  />
                </Td>
              ) : null}
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
