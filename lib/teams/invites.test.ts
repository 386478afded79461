import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { sha256Hex } from '@/lib/crypto/hash'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { acceptInvite, getInviteSummary } from './accept-invite'
import { createInvite } from './create-invite'
import { listPendingInvites } from './list-invites'
import { revokeInvite } from './revoke-invite'
import { createTestTeam, createUser } from '@/lib/testing/create-test-team'
import { roleOf } from './testing/role-of'

let cleanup: () => Promise<void>
beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
})
afterAll(async () => cleanup?.())

const DAY = 24 * 60 * 60 * 1000

describe('invite links', () => {
  test('stores only the SHA-256 of the token, expires in 7 days, and is listed as pending', async () => {
    const { team, members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const now = new Date()
    const { invite, token } = await createInvite(members.owner.scope, { role: 'MEMBER' }, now)
    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } })
    expect(row.tokenHash).toBe(sha256Hex(token))
    expect(Object.values(row).map(String)).not.toContain(token)
    expect(row.expiresAt.getTime() - now.getTime()).toBe(7 * DAY)
    expect((await listPendingInvites({ teamId: team.id })).map((i) => i.id)).toEqual([invite.id])
  })

  test('a signed-in user accepts once, joins with the role, and the link is then used up', async () => {
    const { team, members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const { token } = await createInvite(members.owner.scope, { role: 'VIEWER' })
    const joiner = await createUser('joiner')
    expect(await getInviteSummary(token)).toMatchObject({ status: 'valid', role: 'VIEWER', team: { slug: team.slug } })

    expect(await acceptInvite(joiner, token)).toEqual({ teamSlug: team.slug, role: 'VIEWER', alreadyMember: false })
    const membership = await db.membership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId: joiner.id } },
    })
    expect(membership?.role).toBe('VIEWER')

    const latecomer = await createUser('latecomer')
    await expect(acceptInvite(latecomer, token)).rejects.toMatchObject({ code: 'invite_used', status: 410 })
    expect(await db.membership.count({ where: { teamId: team.id, userId: latecomer.id } })).toBe(0)
    expect((await getInviteSummary(token)).status).toBe('used')
    expect(await listPendingInvites({ teamId: team.id })).toEqual([])
  })

  test.each([
    [
      'expired',
      async (actor: Parameters<typeof createInvite>[0]) =>
        (await createInvite(actor, { role: 'MEMBER' }, new Date(Date.now() - 8 * DAY))).token,
      'invite_expired',
      410,
    ],
    ['unknown', async () => 'a'.repeat(40), 'invite_not_found', 404],
    ['malformed', async () => '../../etc/passwd', 'invite_not_found', 404],
  ])('an %s token is refused with a clear error and adds no member', async (status, makeToken, code, httpStatus) => {
    const { team, members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const token = await makeToken(members.owner.scope)
    const visitor = await createUser('visitor')
    await expect(acceptInvite(visitor, token)).rejects.toMatchObject({ code, status: httpStatus })
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(1)
    expect((await getInviteSummary(token)).status).toBe(status === 'malformed' ? 'unknown' : status)
  })

  test('an invite addressed to an email only works for that user (case-insensitive)', async () => {
    const { team, members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const intended = await createUser('intended')
    const { token } = await createInvite(members.owner.scope, { role: 'ADMIN', email: intended.email })
    const someoneElse = await createUser('else')
    await expect(acceptInvite(someoneElse, token)).rejects.toMatchObject({ code: 'invite_email_mismatch', status: 403 })
    const accepted = await acceptInvite({ id: intended.id, email: intended.email.toUpperCase() }, token)
    expect(accepted.role).toBe('ADMIN')
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(2)
  })

  test('an existing member keeps their role and the invite stays unused', async () => {
    const { team, members } = await createTestTeam({ members: { owner: 'OWNER', viewer: 'VIEWER' } })
    const { token } = await createInvite(members.owner.scope, { role: 'ADMIN' })
    const result = await acceptInvite({ id: members.viewer.userId, email: members.viewer.email }, token)
    expect(result).toEqual({ teamSlug: team.slug, role: 'VIEWER', alreadyMember: true })
    expect(await roleOf(members.viewer.membershipId)).toBe('VIEWER')
    expect((await getInviteSummary(token)).status).toBe('valid')
  })

  test('an admin cannot create an owner invite; an owner can', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', admin: 'ADMIN' } })
    await expect(createInvite(members.admin.scope, { role: 'OWNER' })).rejects.toMatchObject({ status: 403 })
    await expect(createInvite(members.owner.scope, { role: 'OWNER' })).resolves.toMatchObject({
      invite: { role: 'OWNER' },
    })
  })
})

describe('revoking invites', () => {
  test('revoked links stop working', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const { invite, token } = await createInvite(members.owner.scope, { role: 'MEMBER' })
    await revokeInvite(members.owner.scope, { inviteId: invite.id })
    expect(await db.invite.count({ where: { id: invite.id } })).toBe(0)
    await expect(acceptInvite(await createUser('late'), token)).rejects.toMatchObject({ code: 'invite_not_found' })
  })

  test("another team's invite id is not found and the invite keeps working", async () => {
    const a = await createTestTeam({ members: { admin: 'ADMIN' } })
    const b = await createTestTeam({ members: { owner: 'OWNER' } })
    const { invite, token } = await createInvite(b.members.owner.scope, { role: 'MEMBER' })
    await expect(revokeInvite(a.members.admin.scope, { inviteId: invite.id })).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    })
    expect(await db.invite.count({ where: { id: invite.id } })).toBe(1)
    expect((await getInviteSummary(token)).status).toBe('valid')
  })

  test('an accepted invite cannot be revoked (the membership is managed instead)', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER' } })
    const { invite, token } = await createInvite(members.owner.scope, { role: 'MEMBER' })
    await acceptInvite(await createUser('joined'), token)
    await expect(revokeInvite(members.owner.scope, { inviteId: invite.id })).rejects.toMatchObject({ status: 404 })
  })
})
