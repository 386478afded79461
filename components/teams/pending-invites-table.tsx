import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/card'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import type { FormAction } from '@/lib/auth/action-result'
import { ROLE_LABELS, type RoleName } from '@/lib/teams/roles'
import { formatIsoDate } from '@/components/ui/format'

export type InviteView = {
  id: string
  role: RoleName
  email: string | null
  expiresAt: Date
  createdAt: Date
  expired: boolean
}

export function PendingInvitesTable({
  teamSlug,
  invites,
  canManage,
  revoke,
}: {
  teamSlug: string
  invites: InviteView[]
  canManage: boolean
  revoke: FormAction
}) {
  if (invites.length === 0)
    return (
      <EmptyState
        title="No pending invites"
        description="Invite links you create appear here until they are accepted or revoked."
      />
    )
  return (
    <Table>
      <thead>
        <tr>
          <Th>For</Th>
          <Th>Role</Th>
          <Th>Created</Th>
          <Th>Expires</Th>
          {canManage ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </thead>
      <TBody>
        {invites.map((invite) => (
          <tr key={invite.id} data-invite={invite.id}>
            <Td>{invite.email ?? <span className="text-slate-400">Anyone with the link</span>}</Td>
            <Td>{ROLE_LABELS[invite.role]}</Td>
            <Td>{formatIsoDate(invite.createdAt)}</Td>
            <Td>{invite.expired ? <Badge tone="amber">Expired</Badge> : formatIsoDate(invite.expiresAt)}</Td>
            {canManage ? (
              <Td className="text-right">
                <ConfirmActionButton
                  label="Revoke"
                  title="Revoke this invite?"
                  confirmLabel="Revoke invite"
                  description="The link stops working at once. You can create a new one at any time."
                  fields={{ team: teamSlug, inviteId: invite.id }}
                  action={revoke}
                />
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
