import { db, type Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { SESSION_MAX_AGE_SECONDS } from './auth.config'

// Sessions are Auth.js JWTs (Credentials sign-in has no database sessions), so a cookie stays
// cryptographically valid until it expires. What makes it revocable is checked here, on every
// request the server authenticates (DESIGN, "Trust boundaries": signing out, removing a member or
// disabling a user ends their sessions at the next request):
// - each JWT carries a session id (`sid`) and its sign-in time (`authTime`);
// - signing out records the sid in RevokedSession until the JWT could have expired anyway;
// - User.sessionsValidAfter ends every session signed in at or before it; User.disabledAt ends all.

export type SessionClaims = { uid?: unknown; sid?: unknown; authTime?: unknown; [claim: string]: unknown }
export type LiveSessionUser = { id: string; email: string; name: string }

/** The claims a new session's JWT carries. */
export function newSessionClaims(userId: string, now = new Date()) {
  return { uid: userId, sid: createId('ses'), authTime: now.getTime() }
}

type SessionRow = {
  email: string
  name: string
  disabledAt: Date | null
  sessionsValidAfter: Date | null
  revokedId: string | null
}

/**
 * The user behind a session, or null when the session is over: no such user, disabled, ended
 * by sessionsValidAfter, signed out, or a JWT from before sessions carried ids. One query, two
 * primary-key look-ups (User, RevokedSession).
 */
export async function findLiveSessionUser(claims: SessionClaims, client: Db = db): Promise<LiveSessionUser | null> {
  const { uid, sid, authTime } = claims
  if (typeof uid !== 'string' || typeof sid !== 'string' || typeof authTime !== 'number') return null
  const rows = await client.$queryRaw<SessionRow[]>`
    SELECT u."email", u."name", u."disabledAt", u."sessionsValidAfter", r."id" AS "revokedId"
    FROM "User" u LEFT JOIN "RevokedSession" r ON r."id" = ${sid} AND r."userId" = u."id"
    WHERE u."id" = ${uid}`
  const row = rows[0]
  if (!row || row.revokedId !== null || row.disabledAt !== null) return null
  if (row.sessionsValidAfter !== null && authTime <= new Date(row.sessionsValidAfter).getTime()) return null
  return { id: uid, email: row.email, name: row.name }
}

/** Sign-out: this session's JWT is refused from now on, wherever a copy of it is. */
export async function revokeSession(claims: SessionClaims, now = new Date(), client: Db = db): Promise<void> {
  const { uid, sid } = claims
  if (typeof uid !== 'string' || typeof sid !== 'string') return
  // A copy refreshed just before sign-out expires at most one max-age from now.
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000)
  await client
    .$transaction([
      client.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
      client.revokedSession.upsert({ where: { id: sid }, update: {}, create: { id: sid, userId: uid, expiresAt } }),
    ])
    .catch((error: unknown) => {
      // A user deleted meanwhile (foreign key) has no session left to end.
      if ((error as { code?: string }).code === 'P2003') return
      throw error
    })
}

type UserWriter = Pick<Db, 'user'>

/** Ends every session of a user signed in until now (removed from a team, disabled, password changed). */
export async function endUserSessions(userId: string, now = new Date(), client: UserWriter = db): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { sessionsValidAfter: now } })
}
