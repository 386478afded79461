import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
import { subscriptionOutputSchema, type SubscriptionOutput } from './schemas'

export const SUBSCRIPTION_SELECT = {
  id: true,
  state: true,
  reason: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
  ownerTeamId: true,
  consumerTeamId: true,
  api: { select: { id: true, slug: true, name: true } },
  plan: { select: { id: true, name: true, approval: true, rateLimit: true, rateWindow: true } },
} satisfies Prisma.SubscriptionSelect

export type SubscriptionRow = Prisma.SubscriptionGetPayload<{ select: typeof SUBSCRIPTION_SELECT }>

/**
 * Adds both teams' names and parses the result through the output schema. Subscription has no
 * relation to Team (two team ids, one row), so the names come from one extra IN query per page.
 */
export async function toSubscriptionOutputs(rows: SubscriptionRow[]): Promise<SubscriptionOutput[]> {
  if (rows.length === 0) return []
  const ids = [...new Set(rows.flatMap((r) => [r.ownerTeamId, r.consumerTeamId]))]
  const teams = await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true } })
  const byId = new Map(teams.map((t) => [t.id, t]))
  const unknownTeam = (id: string) => ({ id, slug: '', name: '(deleted team)' })
  return rows.map(({ ownerTeamId, consumerTeamId, ...row }) =>
    subscriptionOutputSchema.parse({
      ...row,
      ownerTeam: byId.get(ownerTeamId) ?? unknownTeam(ownerTeamId),
      consumerTeam: byId.get(consumerTeamId) ?? unknownTeam(consumerTeamId),
    }),
  )
}

export async function toSubscriptionOutput(row: SubscriptionRow): Promise<SubscriptionOutput> {
  const [output] = await toSubscriptionOutputs([row])
  return output
}
