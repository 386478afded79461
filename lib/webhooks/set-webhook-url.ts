import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { encryptSecret } from '@/lib/crypto/secret-box'
import { assertOutboundUrl } from '@/lib/net/check-outbound-url'
import { outboundPolicyFromEnv, type OutboundPolicy } from '@/lib/net/outbound-policy'
import { generateWebhookSecret } from './sign-webhook'
import type { SetWebhookUrlInput } from './schemas'

export type SetWebhookUrlResult = {
  url: string
  /** Only when this call created the team's first secret: shown once, never again. */
  secret: string | null
}

/**
 * Sets the team's webhook URL. Every delivery is signed, so a team without a signing secret gets
 * one here, in the same transaction: there is never a URL without a secret. A URL whose host is
 * private, link-local, cloud metadata or does not resolve is refused with a field error on `url`.
 */
export async function setWebhookUrl(
  { teamId }: TeamScope,
  input: SetWebhookUrlInput,
  policy: OutboundPolicy = outboundPolicyFromEnv(),
): Promise<SetWebhookUrlResult> {
  // Resolved before the transaction: a DNS wait must not hold a database connection.
  await assertOutboundUrl(input.url, 'url', policy)
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { webhookSecretEnc: true } })
    const secret = team.webhookSecretEnc ? null : generateWebhookSecret()
    await tx.team.update({
      where: { id: teamId },
      data: { webhookUrl: input.url, ...(secret ? { webhookSecretEnc: encryptSecret(secret) } : {}) },
    })
    return { url: input.url, secret }
  })
}

/**
 * Stops webhooks: no new deliveries are queued, and the ones still waiting are marked FAILED
 * (they can be retried once a URL is set again). The secret is kept for when a URL comes back.
 */
export async function clearWebhookUrl({ teamId }: TeamScope, outer?: Tx): Promise<{ cancelled: number }> {
  const write = async (tx: Tx) => {
    await tx.team.update({ where: { id: teamId }, data: { webhookUrl: null } })
    const { count } = await tx.webhookDelivery.updateMany({
      where: { teamId, state: 'PENDING' },
      data: { state: 'FAILED', lastError: 'Webhook URL removed' },
    })
    return { cancelled: count }
  }
  return outer ? write(outer) : db.$transaction(write)
}
