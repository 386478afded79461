import type { Prisma } from '@/generated/sqlite/client'
import { keyStatus } from './key-status'
import { apiKeyOutputSchema, type ApiKeyOutput } from './schemas'

// `hash` is deliberately not selected: what is never read cannot leak.
export const KEY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  env: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  graceEndsAt: true,
  replacedById: true,
  subscriptions: {
    select: {
      subscriptionId: true,
      subscription: { select: { api: { select: { name: true } }, plan: { select: { name: true } } } },
    },
  },
} satisfies Prisma.ApiKeySelect

export type KeyRow = Prisma.ApiKeyGetPayload<{ select: typeof KEY_SELECT }>

export function toKeyOutput(row: KeyRow, now = Date.now()): ApiKeyOutput {
  const { subscriptions, ...key } = row
  return apiKeyOutputSchema.parse({
    ...key,
    status: keyStatus(key, now),
    restrictedTo: subscriptions.map((s) => ({
      subscriptionId: s.subscriptionId,
      apiName: s.subscription.api.name,
      planName: s.subscription.plan.name,
    })),
  })
}
