import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { webhookSettingsSchema, type WebhookSettings } from './schemas'

/** The settings section's data. Never the secret: only whether one exists. */
export async function getWebhookSettings({ teamId }: TeamReadScope): Promise<WebhookSettings> {
  const [team, pending, failed] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { webhookUrl: true, webhookSecretEnc: true } }),
    db.webhookDelivery.count({ where: { teamId, state: 'PENDING' } }),
    db.webhookDelivery.count({ where: { teamId, state: 'FAILED' } }),
  ])
  return webhookSettingsSchema.parse({
    url: team.webhookUrl,
    hasSecret: Boolean(team.webhookSecretEnc),
    pending,
    failed,
  })
}
