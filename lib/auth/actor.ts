import type { Role } from '@/generated/sqlite/enums'

// Who performs a change, and on which team's behalf. Every lib/<domain> function that reads or
// writes team data takes this scope first: `verbNoun({ teamId, actor }, input)`. The transport
// (a server action, a route handler, later a management token) builds it from what it verified,
// never from the request body, so a form can never name another team or another user.

export type Actor = {
  userId: string
  /** Recorded in audit rows (lifecycle events, resolutions) as the readable "who". */
  email: string
  role: Role
}

/** Reads need only the team; writes also record who made them. */
export type TeamScope = { teamId: string; actor: Actor }
export type TeamReadScope = { teamId: string }

/** The scope of a signed-in member, from the context `requireTeamPermission` returned. */
export function scopeOf(context: { team: { id: string }; user: { id: string; email: string }; role: Role }): TeamScope {
  return { teamId: context.team.id, actor: { userId: context.user.id, email: context.user.email, role: context.role } }
}
