import { db } from '@/lib/db'
import type { TeamView } from '@/lib/analytics/team-scope'

// Choices for the call log's API and key selects. Owners pick among their own APIs, consumers
// among the APIs they subscribe to; keys are the team's own (consumer view only).

// A select with thousands of options is useless and slow to render; the id filter still works.
const MAX_OPTIONS = 200

export type CallFilterOptions = {
  apis: Array<{ id: string; name: string }>
  keys: Array<{ id: string; name: string; prefix: string }>
}

export async function listCallFilterOptions(teamId: string, view: TeamView): Promise<CallFilterOptions> {
  if (view === 'owner') {
    const apis = await db.api.findMany({ where: { teamId }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_OPTIONS })
    return { apis, keys: [] }
  }
  const [subscriptions, keys] = await Promise.all([
    db.subscription.findMany({
      where: { consumerTeamId: teamId },
      select: { api: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'desc' },
      take: MAX_OPTIONS,
    }),
    db.apiKey.findMany({ where: { teamId }, select: { id: true, name: true, prefix: true }, orderBy: { createdAt: 'desc' }, take: MAX_OPTIONS }),
  ])
  const apis = new Map(subscriptions.map((s) => [s.api.id, s.api]))
  return { apis: [...apis.values()].sort((a, b) => a.name.localeCompare(b.name)), keys }
}
