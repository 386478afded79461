import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { TeamView } from '@/lib/teams/team-view'

// Choices for the call log's API and key selects. Owners pick among their own APIs, consumers
// among the APIs they subscribe to; keys are the team's own (consumer view only).

// A select with thousands of options is useless and slow to render; the id filter still works.
const MAX_OPTIONS = 200

export type CallFilterOptions = {
  apis: Array<{ id: string; name: string }>
  keys: Array<{ id: string; name: string; prefix: string }>
  /** AI models that were called, from the hourly AI rollups (never a scan of the raw log). */
  models: string[]
  /** The consumer team the owner view is filtered to, named for its chip. */
  consumer: { id: string; name: string | null } | null
}

export async function listCallFilterOptions(
  { teamId }: TeamReadScope,
  { view, consumerTeamId }: { view: TeamView; consumerTeamId?: string },
): Promise<CallFilterOptions> {
  if (view === 'owner') {
    const [apis, consumer, models] = await Promise.all([
      db.api.findMany({
        where: { teamId },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
        take: MAX_OPTIONS,
      }),
      consumerTeamId ? getConsumerName(teamId, consumerTeamId) : null,
      calledModels({ ownerTeamId: teamId }),
    ])
    return { apis, keys: [], models, consumer: consumerTeamId ? { id: consumerTeamId, name: consumer } : null }
  }
  const [subscriptions, keys, models] = await Promise.all([
    db.subscription.findMany({
      where: { consumerTeamId: teamId },
      select: { api: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'desc' },
      take: MAX_OPTIONS,
    }),
    db.apiKey.findMany({
      where: { teamId },
      select: { id: true, name: true, prefix: true },
      orderBy: { createdAt: 'desc' },
      take: MAX_OPTIONS,
    }),
    calledModels({ consumerTeamId: teamId }),
  ])
  const apis = new Map(subscriptions.map((s) => [s.api.id, s.api]))
  return { apis: [...apis.values()].sort((a, b) => a.name.localeCompare(b.name)), keys, models, consumer: null }
}

/**
 * A team's name, only when it subscribes (or once did) to one of our APIs: a hand-typed id of any
 * other team stays an id, so the chip never tells an owner who exists elsewhere.
 */
async function getConsumerName(teamId: string, consumerTeamId: string): Promise<string | null> {
  const subscription = await db.subscription.findFirst({
    where: { ownerTeamId: teamId, consumerTeamId },
    select: { id: true },
  })
  if (!subscription) return null
  const team = await db.team.findUnique({ where: { id: consumerTeamId }, select: { name: true } })
  return team?.name ?? null
}

async function calledModels(where: { ownerTeamId: string } | { consumerTeamId: string }): Promise<string[]> {
  const groups = await db.aiUsageRollup.groupBy({ by: ['model'], where, orderBy: { model: 'asc' }, take: MAX_OPTIONS })
  return groups.map((g) => g.model).filter(Boolean)
}
