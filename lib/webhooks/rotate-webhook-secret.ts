import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { encryptSecret } from '@/lib/crypto/secret-box'
import { generateWebhookSecret } from './sign-webhook'

/**
 * Replaces the team's signing secret and returns the new one, the only time it is ever shown.
 * The old one stops at once: the next delivery (retries included) is signed with the new one.
 */
export async function rotateWebhookSecret({ teamId }: TeamScope, tx: Tx = db): Promise<{ secret: string }> {
  const secret = generateWebhookSecret()
  await tx.team.update({ where: { id: teamId }, data: { webhookSecretEnc: encryptSecret(secret) } })
  return { secret }
}
