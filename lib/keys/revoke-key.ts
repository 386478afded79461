import { db } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import type { KeyActor } from './key-actor'
import type { ApiKeyOutput } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/**
 * Revokes a key at once (a key in its rotation grace period too). The team id in the WHERE means
 * another team's key id reads as "not found" and its row is never touched.
 */
export async function revokeKey(actor: KeyActor, input: { keyId: string }): Promise<ApiKeyOutput> {
  const { count } = await db.apiKey.updateMany({
    where: { id: input.keyId, teamId: actor.teamId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count === 0) {
    const exists = await db.apiKey.count({ where: { id: input.keyId, teamId: actor.teamId } })
    throw exists ? conflict('This key is already revoked', 'key_already_revoked') : notFound('Key')
  }
  await publishConfigChange(db)
  const row = await db.apiKey.findFirstOrThrow({ where: { id: input.keyId, teamId: actor.teamId }, select: KEY_SELECT })
  return toKeyOutput(row)
}
