import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { createId } from '@/lib/ids'
import { generateKeyValue, hashKey, keyDisplayPrefix } from '@/lib/credentials/key-format'
import { createKeySchema, type CreateKeyInput, type ApiKeyOutput } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/**
 * Creates a key for the actor's team. The full value is returned here and only here: the
 * database keeps its SHA-256 and a display prefix, so nobody can show it again.
 */
export async function createKey(
  scope: TeamScope,
  raw: CreateKeyInput,
  tx?: Tx,
): Promise<{ key: ApiKeyOutput; value: string }> {
  const input = createKeySchema.parse(raw)
  const subscriptionIds = [...new Set(input.subscriptionIds)]
  const create = async (tx: Tx) => {
    await assertRestrictable(tx, scope.teamId, subscriptionIds)
    const created = await insertKey(
      scope,
      { name: input.name, expiresAt: input.expiresAt ?? null, subscriptionIds },
      tx,
    )
    await publishConfigChange(tx)
    return created
  }
  const { row, value } = await (tx ? create(tx) : db.$transaction(create))
  return { key: toKeyOutput(row), value }
}

/** Shared with rotation: a fresh value, its hash and prefix, and the restriction rows. */
export async function insertKey(
  { teamId, actor }: TeamScope,
  data: { name: string; expiresAt: Date | null; subscriptionIds: string[] },
  tx: Tx,
) {
  const value = generateKeyValue('live')
  const row = await tx.apiKey.create({
    data: {
      id: createId('key'),
      teamId,
      name: data.name,
      env: 'live',
      prefix: keyDisplayPrefix(value),
      hash: hashKey(value),
      expiresAt: data.expiresAt,
      createdById: actor.userId,
      subscriptions: {
        create: data.subscriptionIds.map((subscriptionId) => ({ id: createId('aks'), subscriptionId })),
      },
    },
    select: KEY_SELECT,
  })
  return { row, value }
}

// Restricting a key to another team's subscription would be meaningless at best; refuse it with
// the same words as a subscription that does not exist.
async function assertRestrictable(tx: Tx, teamId: string, subscriptionIds: string[]): Promise<void> {
  if (subscriptionIds.length === 0) return
  const found = await tx.subscription.count({
    where: { id: { in: subscriptionIds }, consumerTeamId: teamId, state: 'ACTIVE' },
  })
  if (found !== subscriptionIds.length) {
    throw invalid('A key can only be restricted to your team’s active subscriptions', {
      subscriptionIds: ['Choose only active subscriptions of this team'],
    })
  }
}
