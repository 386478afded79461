// Which side of a call a team looks from. Invocation, the rollups and PaymentIncident all carry
// ownerTeamId and consumerTeamId, so one helper scopes every query the same way. Analytics,
// incidents and the call log all use it; it imports none of them, so they never import each other.

export const TEAM_VIEWS = ['owner', 'consumer'] as const
export type TeamView = (typeof TEAM_VIEWS)[number]

export const TEAM_VIEW_LABELS: Record<TeamView, string> = {
  owner: 'Calls to our APIs',
  consumer: 'Our calls',
}

/** The WHERE fragment that keeps a query inside the team: the team id is always in the clause. */
export function teamScopeWhere(view: TeamView, teamId: string): { ownerTeamId: string } | { consumerTeamId: string } {
  // An empty id would match the '' ("unknown") rollup rows of every team: never allow it.
  if (!teamId) throw new Error('teamScopeWhere needs a team id')
  return view === 'owner' ? { ownerTeamId: teamId } : { consumerTeamId: teamId }
}
