import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import type { ApiKeyOutput, RevokeKeyInput } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/**
 * Revokes a key at once (a key in its rotation grace period too). The team id in the WHERE means
 * another team's key id reads as "not found" and its row is never touched.
 */
export async function revokeKey({ teamId }: TeamScope, { keyId }: RevokeKeyInput, tx?: Tx): Promise<ApiKeyOutput> {
  const client = tx ?? db
  const { count } = await client.apiKey.updateMany({
    where: { id: keyId, teamId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count === 0) {
    const exists = await client.apiKey.count({ where: { id: keyId, teamId } })
    throw exists ? conflict('This key is already revoked', 'key_already_revoked') : notFound('Key')
  }
  await publishConfigChange(client, { kind: 'key', id: keyId })
  const row = await client.apiKey.findFirstOrThrow({ where: { id: keyId, teamId }, select: KEY_SELECT })
  return toKeyOutput(row)
}
