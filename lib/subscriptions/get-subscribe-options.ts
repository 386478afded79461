import { db } from '@/lib/db'
import { roleCan } from '@/lib/auth/permissions'
import { LIVE_STATES } from './schemas'

export type SubscribeOptions = NonNullable<Awaited<ReturnType<typeof getSubscribeOptions>>>

/**
 * What the catalog's subscribe panel needs for one API and one user: the API's current plans, the
 * user's teams that may subscribe ('subscriptions.write'), and each team's latest subscription
 * to this API. Null when the user cannot see the API (another team's PRIVATE API, or drafts only).
 */
export async function getSubscribeOptions(userId: string, apiId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
    orderBy: { team: { name: 'asc' } },
  })
  const memberTeamIds = memberships.map((m) => m.team.id)
  const api = await db.api.findFirst({
    where: { id: apiId, OR: [{ visibility: 'INTERNAL' }, { visibility: 'PRIVATE', teamId: { in: memberTeamIds } }] },
    select: {
      id: true,
      teamId: true,
      name: true,
      visibility: true,
      state: true,
      plans: {
        where: { archivedAt: null },
        orderBy: [{ createdAt: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, rateLimit: true, rateWindow: true, approval: true },
      },
    },
  })
  if (!api) return null
  const isOwner = memberTeamIds.includes(api.teamId)
  if (!isOwner && api.state === 'DRAFT') return null

  // A PRIVATE API can only be subscribed to by the team that owns it.
  const eligible = memberships.filter(
    (m) => roleCan(m.role, 'subscriptions.write') && (api.visibility === 'INTERNAL' || m.team.id === api.teamId),
  )
  const subscriptions = await db.subscription.findMany({
    where: { apiId: api.id, consumerTeamId: { in: eligible.map((m) => m.team.id) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { consumerTeamId: true, state: true, reason: true, createdAt: true, plan: { select: { name: true } } },
  })
  const latest = new Map<string, (typeof subscriptions)[number]>()
  for (const s of subscriptions) {
    const seen = latest.get(s.consumerTeamId)
    // A live subscription wins over a newer ended one; otherwise the newest row (rows are newest first).
    if (!seen || (!isLive(seen.state) && isLive(s.state))) latest.set(s.consumerTeamId, s)
  }

  return {
    api: { id: api.id, name: api.name, state: api.state },
    acceptsSubscriptions: api.state === 'PUBLISHED' || api.state === 'DEPRECATED',
    plans: api.plans,
    teams: eligible.map((m) => {
      const s = latest.get(m.team.id)
      return {
        ...m.team,
        subscription: s
          ? { state: s.state, reason: s.reason, planName: s.plan.name, createdAt: s.createdAt, live: isLive(s.state) }
          : null,
      }
    }),
  }
}

function isLive(state: string): boolean {
  return (LIVE_STATES as readonly string[]).includes(state)
}
