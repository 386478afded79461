import { Auth, skipCSRFCheck } from '@auth/core'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { encode } from 'next-auth/jwt'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PrismaClient as PostgresClient } from '@/generated/postgres/client'
import { PrismaClient as SqliteClient } from '@/generated/sqlite/client'
import { db, type Db } from '@/lib/db'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { removeMember } from '@/lib/teams/remove-member'
import { createTestTeam, createUser } from '@/lib/testing/create-test-team'
import { SESSION_MAX_AGE_SECONDS } from './auth.config'
import { authOptions } from './auth-options'
import { disableUser, enableUser } from './disable-user'
import { hashPassword } from './verify-password'
import { endUserSessions, findLiveSessionUser, newSessionClaims, revokeSession } from './session-revocation'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(async () => database?.cleanup())

const later = (ms: number) => new Date(Date.now() + ms)

describe('a session is live until something ends it', () => {
  test('a new session reads its user, with the email and name of now', async () => {
    const user = await createUser('reader')
    const claims = newSessionClaims(user.id)
    await db.user.update({ where: { id: user.id }, data: { name: 'Renamed' } })
    expect(await findLiveSessionUser(claims)).toEqual({ id: user.id, email: user.email, name: 'Renamed' })
  })

  test('signing out ends that session only, not the same user in another browser', async () => {
    const user = await createUser('signout')
    const laptop = newSessionClaims(user.id)
    const phone = newSessionClaims(user.id)
    await revokeSession(laptop)
    expect(await findLiveSessionUser(laptop)).toBeNull()
    expect(await findLiveSessionUser(phone)).toMatchObject({ id: user.id })
  })

  test("ending a user's sessions ends every one signed in until then; a later sign-in is live", async () => {
    const user = await createUser('everywhere')
    const before = [newSessionClaims(user.id, later(-60_000)), newSessionClaims(user.id)]
    await endUserSessions(user.id, new Date())
    for (const claims of before) expect(await findLiveSessionUser(claims)).toBeNull()
    expect(await findLiveSessionUser(newSessionClaims(user.id, later(1)))).toMatchObject({ id: user.id })
  })

  test.each([
    ['no such user', { uid: 'usr_gone', sid: 'ses_x', authTime: Date.now() }],
    ['a JWT from before sessions carried ids', { uid: 'usr_x' }],
    ['a sign-in time that is not a number', { uid: 'usr_x', sid: 'ses_x', authTime: '1' }],
    ['no claims at all', {}],
  ])('%s is a signed-out visitor', async (_name, claims) => {
    expect(await findLiveSessionUser(claims)).toBeNull()
  })

  test("a deleted user's sessions end with them", async () => {
    const user = await createUser('deleted')
    const claims = newSessionClaims(user.id)
    await db.user.delete({ where: { id: user.id } })
    expect(await findLiveSessionUser(claims)).toBeNull()
    await expect(revokeSession(claims)).resolves.toBeUndefined()
  })

  test('signed-out sessions are kept only until their JWT could have expired', async () => {
    const user = await createUser('prune')
    const old = newSessionClaims(user.id)
    await revokeSession(old, later(-(SESSION_MAX_AGE_SECONDS * 1000 + 60_000)))
    const recent = newSessionClaims(user.id)
    await revokeSession(recent)
    const rows = await db.revokedSession.findMany({ where: { userId: user.id }, select: { id: true } })
    expect(rows.map((row) => row.id)).toEqual([recent.sid])
  })
})

describe('disabling a user', () => {
  test('ends their sessions and keeps new ones dead until enabled; enabling does not revive the old ones', async () => {
    const user = await createUser('disabled')
    const before = newSessionClaims(user.id, later(-1_000))
    await expect(disableUser(user.id)).resolves.toMatchObject({ id: user.id, disabledAt: expect.any(Date) })
    expect(await findLiveSessionUser(before)).toBeNull()
    expect(await findLiveSessionUser(newSessionClaims(user.id, later(1_000)))).toBeNull()

    await expect(enableUser(user.id)).resolves.toMatchObject({ disabledAt: null })
    expect(await findLiveSessionUser(before)).toBeNull()
    expect(await findLiveSessionUser(newSessionClaims(user.id, later(1_000)))).toMatchObject({ id: user.id })
  })

  test.each([
    ['disableUser', disableUser],
    ['enableUser', enableUser],
  ])('%s of an unknown user is a 404', async (_name, change) => {
    await expect(change('usr_nobody')).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })
})

describe('removing a member', () => {
  test("ends the removed member's sessions, not the remover's", async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER' } })
    const removed = newSessionClaims(members.member.userId, later(-1_000))
    const remover = newSessionClaims(members.owner.userId, later(-1_000))
    await removeMember(members.owner.scope, { membershipId: members.member.membershipId })
    expect(await findLiveSessionUser(removed)).toBeNull()
    expect(await findLiveSessionUser(remover)).toMatchObject({ id: members.owner.userId })
  })

  test("a refused removal ends nobody's sessions", async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const claims = newSessionClaims(members.owner.userId, later(-1_000))
    await expect(removeMember(members.owner.scope, { membershipId: members.owner.membershipId })).rejects.toMatchObject(
      {
        code: 'last_owner',
      },
    )
    expect(await findLiveSessionUser(claims)).toMatchObject({ id: members.owner.userId })
  })
})

test('the check is one SQL statement per request', async () => {
  const user = await createUser('cost')
  const { client, statements } = loggingClient(database)
  try {
    await revokeSession(newSessionClaims(user.id))
    statements.length = 0
    expect(await findLiveSessionUser(newSessionClaims(user.id), client)).toMatchObject({ id: user.id })
    expect(statements).toHaveLength(1)
  } finally {
    await client.$disconnect()
  }
})

describe('through Auth.js', () => {
  // The session endpoint the browser and auth() use: a revoked JWT reads as no session, and its
  // cookie is cleared.
  const cookieName = 'authjs.session-token'
  const secret = process.env.AUTH_SECRET!
  async function readSession(claims: Record<string, unknown>) {
    const token = await encode({ token: { ...claims, email: 'x@example.test', name: 'x' }, secret, salt: cookieName })
    const request = new Request('http://127.0.0.1:3000/api/auth/session', {
      headers: { cookie: `${cookieName}=${token}` },
    })
    const response = await Auth(request, { ...authOptions, secret, basePath: '/api/auth' })
    return { body: await response.json(), cookies: response.headers.getSetCookie().join('\n') }
  }

  test('a live session reads its user; after sign-out the same token reads null and the cookie is cleared', async () => {
    const user = await createUser('authjs')
    const claims = newSessionClaims(user.id)
    const live = await readSession(claims)
    expect(live.body).toMatchObject({ user: { id: user.id, email: user.email, name: 'authjs' } })

    await revokeSession(claims)
    const gone = await readSession(claims)
    expect(gone.body).toBeNull()
    expect(gone.cookies).toMatch(
      new RegExp(`${cookieName}=;.*Max-Age=0|${cookieName}=;.*Expires=Thu, 01 Jan 1970`, 'i'),
    )
  })
})

describe('signing in through Auth.js', () => {
  const password = 'correct horse battery staple'
  async function signInAs(email: string, attempt: string) {
    const request = new Request('http://127.0.0.1:3000/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-tollgate-client-ip': '203.0.113.10' },
      body: new URLSearchParams({ email, password: attempt, callbackUrl: '/catalog' }),
    })
    const response = await Auth(request, {
      ...authOptions,
      secret: process.env.AUTH_SECRET!,
      basePath: '/api/auth',
      skipCSRFCheck,
    })
    return {
      location: new URL(response.headers.get('location') ?? '', 'http://127.0.0.1:3000'),
      cookies: response.headers.getSetCookie().join('\n'),
    }
  }
  async function userWithPassword(label: string) {
    const user = await createUser(label)
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } })
    return user
  }

  test.each([
    ['the right password signs in', 'active', password, '/catalog', null],
    ['a wrong password is refused', 'active', 'wrong', '/login', 'credentials'],
    ['a disabled user with the right password is told so', 'disabled', password, '/login', 'account_disabled'],
    ['a disabled user with a wrong password learns nothing', 'disabled', 'wrong', '/login', 'credentials'],
  ])('%s', async (_name, state, attempt, path, code) => {
    const user = await userWithPassword(state)
    if (state === 'disabled') await disableUser(user.id)
    const { location, cookies } = await signInAs(user.email, attempt)
    expect(location.pathname).toBe(path)
    expect(location.searchParams.get('code')).toBe(code)
    expect(cookies.includes('authjs.session-token=ey')).toBe(code === null)
  })
})

function loggingClient(target: TestDatabase): { client: Db; statements: string[] } {
  const statements: string[] = []
  const log = [{ emit: 'event' as const, level: 'query' as const }]
  const client =
    target.provider === 'sqlite'
      ? new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.url.replace(/^file:/, '') }), log })
      : (new PostgresClient({
          adapter: new PrismaPg({ connectionString: target.url }),
          log,
        }) as unknown as SqliteClient)
  ;(client as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (event) =>
    statements.push(event.query),
  )
  return { client: client as unknown as Db, statements }
}
