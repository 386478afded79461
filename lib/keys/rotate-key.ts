import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { insertKey } from './create-key'
import { keyStatus } from './key-status'
import { rotateKeySchema, type ApiKeyOutput, type RotateKeyInput } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/**
 * Replaces a key with a new one of the same name, expiry and restrictions. The old key keeps
 * working for the grace period (graceEndsAt) so deployments can switch over without downtime;
 * with a grace of 0 it stops at once. The new value is returned once, like on creation.
 */
export async function rotateKey(
  scope: TeamScope,
  raw: RotateKeyInput,
  tx?: Tx,
): Promise<{ key: ApiKeyOutput; value: string; previous: ApiKeyOutput }> {
  const input = rotateKeySchema.parse(raw)
  const { teamId } = scope
  const now = new Date()
  const rotate = async (tx: Tx) => {
    const old = await tx.apiKey.findFirst({ where: { id: input.keyId, teamId }, select: KEY_SELECT })
    if (!old) throw notFound('Key')
    const status = keyStatus(old, now.getTime())
    if (old.replacedById || status !== 'ACTIVE') {
      throw conflict(
        old.replacedById
          ? 'This key was already rotated; rotate its replacement instead'
          : `A ${status.toLowerCase()} key cannot be rotated; create a new key`,
        'key_not_rotatable',
      )
    }
    const created = await insertKey(
      scope,
      {
        name: old.name,
        expiresAt: old.expiresAt,
        subscriptionIds: old.subscriptions.map((s) => s.subscriptionId),
      },
      tx,
    )
    // replacedById: null in the WHERE makes two concurrent rotations of one key fail one of them.
    const { count } = await tx.apiKey.updateMany({
      where: { id: old.id, teamId, replacedById: null, revokedAt: null },
      data: { graceEndsAt: new Date(now.getTime() + input.graceSeconds * 1000), replacedById: created.row.id },
    })
    if (count === 0) throw conflict('This key changed meanwhile; reload and try again', 'key_not_rotatable')
    const previous = await tx.apiKey.findFirstOrThrow({
      where: { id: old.id, teamId },
      select: KEY_SELECT,
    })
    await publishConfigChange(tx)
    return { ...created, previous }
  }
  const result = await (tx ? rotate(tx) : db.$transaction(rotate))
  return { key: toKeyOutput(result.row), value: result.value, previous: toKeyOutput(result.previous) }
}
