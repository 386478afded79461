import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/card'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { FormAction } from '@/lib/auth/action-result'
import type { ApiKeyOutput, KeyStatus } from '@/lib/keys/schemas'
import { RevokeKeyButton } from './revoke-key-button'
import { RotateKeyButton } from './rotate-key-button'

const STATUS: Record<KeyStatus, { label: string; tone: 'green' | 'amber' | 'red' | 'gray' }> = {
  ACTIVE: { label: 'Active', tone: 'green' },
  GRACE: { label: 'Grace', tone: 'amber' },
  EXPIRED: { label: 'Expired', tone: 'gray' },
  REVOKED: { label: 'Revoked', tone: 'red' },
}

const when = (date: Date | null, empty = '—') => (date ? date.toISOString().replace('T', ' ').slice(0, 16) : empty)

/** The team's keys: never their values or hashes, only the display prefix. */
export function KeysTable({
  teamSlug,
  keys,
  canWrite,
  rotate,
  revoke,
}: {
  teamSlug: string
  keys: ApiKeyOutput[]
  canWrite: boolean
  rotate: React.ComponentProps<typeof RotateKeyButton>['action']
  revoke: FormAction
}) {
  if (keys.length === 0)
    return <EmptyState title="No keys" description="Create a key to call the APIs your team subscribes to." />
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Key</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>Restricted to</Th>
          {canWrite ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <TBody>
        {keys.map((key) => {
          const status = STATUS[key.status]
          return (
            <tr key={key.id} data-key={key.id}>
              <Td className="font-medium text-slate-900">{key.name}</Td>
              <Td className="font-mono text-xs">{key.prefix}…</Td>
              <Td>
                <Badge tone={status.tone}>{status.label}</Badge>
                {key.status === 'GRACE' ? (
                  <p className="text-xs text-slate-500">until {when(key.graceEndsAt)} UTC</p>
                ) : null}
              </Td>
              <Td>{when(key.createdAt)}</Td>
              <Td>{when(key.expiresAt, 'Never')}</Td>
              <Td>{when(key.lastUsedAt, 'Never')}</Td>
              <Td className="whitespace-normal text-xs">
                {key.restrictedTo.length === 0 ? (
                  <span className="text-slate-500">All subscriptions</span>
                ) : (
                  key.restrictedTo.map((r) => `${r.apiName} (${r.planName})`).join(', ')
                )}
              </Td>
              {canWrite ? (
                <Td className="text-right">
                  <span className="inline-flex gap-2">
                    <RotateKeyButton
                      teamSlug={teamSlug}
                      keyId={key.id}
                      keyName={key.name}
                      rotatable={key.status === 'ACTIVE' && !key.replacedById}
                      action={rotate}
                    />
                    {key.status === 'ACTIVE' || key.status === 'GRACE' ? (
                      <RevokeKeyButton teamSlug={teamSlug} keyId={key.id} keyName={key.name} action={revoke} />
                    ) : null}
                  </span>
                </Td>
              ) : null}
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
