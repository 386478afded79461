import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { TEAM_VIEWS, type TeamView } from '@/lib/teams/team-view'
import { parseDashboardQuery, type DashboardQuery } from '../dashboard-window'

// The AI dashboard's URL: the dashboards' range and view, except that without a view it opens on
// the side the team has AI traffic from: its own AI APIs when it owns any, else its own calls.

/** Whether the team publishes an AI API (AI_CHAT or AI_PROMPT). */
export async function teamOwnsAiApis({ teamId }: TeamReadScope): Promise<boolean> {
  return (await db.api.count({ where: { teamId, kind: { in: ['AI_CHAT', 'AI_PROMPT'] } } })) > 0
}

export function parseAiUsageQuery(searchParams: Record<string, unknown>, ownsAiApis: boolean): DashboardQuery {
  const query = parseDashboardQuery(searchParams)
  const asked = Array.isArray(searchParams.view) ? searchParams.view[0] : searchParams.view
  const view: TeamView = (TEAM_VIEWS as readonly unknown[]).includes(asked)
    ? (asked as TeamView)
    : ownsAiApis
      ? 'owner'
      : 'consumer'
  return { ...query, view }
}
