import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/card'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { FormAction } from '@/lib/auth/action-result'
import type { ManagementTokenOutput } from '@/lib/management-tokens/schemas'
import { describeGrants } from '@/lib/management-tokens/token-scopes'
import { RevokeManagementTokenButton } from './revoke-management-token-button'

const STATUS: Record<ManagementTokenOutput['status'], { label: string; tone: 'green' | 'red' | 'gray' }> = {
  ACTIVE: { label: 'Active', tone: 'green' },
  EXPIRED: { label: 'Expired', tone: 'gray' },
  REVOKED: { label: 'Revoked', tone: 'red' },
}

const when = (date: Date | null, empty = '—') => (date ? date.toISOString().replace('T', ' ').slice(0, 16) : empty)

/** The team's management tokens: never their values or hashes, only the display prefix. */
export function ManagementTokensTable({
  teamSlug,
  tokens,
  canRevoke,
  revoke,
}: {
  teamSlug: string
  tokens: ManagementTokenOutput[]
  /** Whether the viewer may revoke this token (its creator, or a team admin). */
  canRevoke: (token: ManagementTokenOutput) => boolean
  revoke: FormAction
}) {
  if (tokens.length === 0)
    return <EmptyState title="No management tokens" description="Create one to drive Tollgate from scripts." />
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          <Th>Scopes</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <TBody>
        {tokens.map((token) => {
          const status = STATUS[token.status]
          return (
            <tr key={token.id} data-management-token={token.id}>
              <Td className="font-medium text-slate-900">{token.name}</Td>
              <Td className="font-mono text-xs">{token.prefix}…</Td>
              <Td className="text-xs">
                {describeGrants(token)} <span className="text-slate-500">(up to {token.role.toLowerCase()})</span>
              </Td>
              <Td>
                <Badge tone={status.tone}>{status.label}</Badge>
              </Td>
              <Td>{when(token.createdAt)}</Td>
              <Td>{when(token.expiresAt, 'Never')}</Td>
              <Td>{when(token.lastUsedAt, 'Never')}</Td>
              <Td className="text-right">
                {token.status === 'ACTIVE' && canRevoke(token) ? (
                  <RevokeManagementTokenButton
                    teamSlug={teamSlug}
                    tokenId={token.id}
                    tokenName={token.name}
                    action={revoke}
                  />
                ) : null}
              </Td>
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
