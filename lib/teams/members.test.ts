import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { changeMemberRole } from './change-member-role'
import { listMembers } from './list-members'
import { removeMember } from './remove-member'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { roleOf } from './testing/role-of'

let cleanup: () => Promise<void>
beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
})
afterAll(async () => cleanup?.())

describe('changing roles', () => {
  test('an admin promotes a member to admin', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', admin: 'ADMIN', member: 'MEMBER' } })
    await expect(
      changeMemberRole(members.admin.scope, { membershipId: members.member.membershipId, role: 'ADMIN' }),
    ).resolves.toMatchObject({ role: 'ADMIN' })
    expect(await roleOf(members.member.membershipId)).toBe('ADMIN')
  })

  test('the last owner cannot be demoted, not even by themselves', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER' } })
    await expect(
      changeMemberRole(members.owner.scope, { membershipId: members.owner.membershipId, role: 'ADMIN' }),
    ).rejects.toMatchObject({ code: 'last_owner', status: 409, message: expect.stringMatching(/at least one owner/) })
    expect(await roleOf(members.owner.membershipId)).toBe('OWNER')
  })

  test('with a second owner, an owner can step down', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER' } })
    await changeMemberRole(members.owner.scope, { membershipId: members.member.membershipId, role: 'OWNER' })
    await changeMemberRole(members.owner.scope, { membershipId: members.owner.membershipId, role: 'MEMBER' })
    expect(await roleOf(members.owner.membershipId)).toBe('MEMBER')
    expect(await roleOf(members.member.membershipId)).toBe('OWNER')
  })

  test.each([
    ['demote an owner', 'owner', 'ADMIN'],
    ['grant the owner role', 'member', 'OWNER'],
  ] as const)('an admin cannot %s', async (_label, target, role) => {
    const { members } = await createTestTeam({
      members: { owner: 'OWNER', owner2: 'OWNER', admin: 'ADMIN', member: 'MEMBER' },
    })
    const before = await roleOf(members[target].membershipId)
    await expect(
      changeMemberRole(members.admin.scope, { membershipId: members[target].membershipId, role }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await roleOf(members[target].membershipId)).toBe(before)
  })

  test("another team's membership id is not found and nothing changes", async () => {
    const a = await createTestTeam({ members: { owner: 'OWNER' } })
    const b = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER' } })
    await expect(
      changeMemberRole(a.members.owner.scope, { membershipId: b.members.member.membershipId, role: 'VIEWER' }),
    ).rejects.toMatchObject({ code: 'not_found', status: 404 })
    expect(await roleOf(b.members.member.membershipId)).toBe('MEMBER')
  })
})

describe('removing members', () => {
  test('an admin removes a member, who disappears from the list', async () => {
    const { team, members } = await createTestTeam({ members: { owner: 'OWNER', admin: 'ADMIN', member: 'MEMBER' } })
    await removeMember(members.admin.scope, { membershipId: members.member.membershipId })
    expect(await roleOf(members.member.membershipId)).toBeNull()
    expect((await listMembers({ teamId: team.id })).map((m) => m.user.email)).toEqual([
      members.owner.email,
      members.admin.email,
    ])
  })

  test('the last owner cannot be removed', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', admin: 'ADMIN' } })
    await expect(removeMember(members.owner.scope, { membershipId: members.owner.membershipId })).rejects.toMatchObject(
      {
        code: 'last_owner',
        status: 409,
      },
    )
    expect(await roleOf(members.owner.membershipId)).toBe('OWNER')
  })

  test('an admin cannot remove an owner, even when there are two', async () => {
    const { members } = await createTestTeam({ members: { owner: 'OWNER', owner2: 'OWNER', admin: 'ADMIN' } })
    await expect(
      removeMember(members.admin.scope, { membershipId: members.owner2.membershipId }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await roleOf(members.owner2.membershipId)).toBe('OWNER')
  })

  test("team A's admin cannot remove team B's member by id: not found, row untouched", async () => {
    const a = await createTestTeam({ members: { owner: 'OWNER', admin: 'ADMIN' } })
    const b = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER' } })
    await expect(
      removeMember(a.members.admin.scope, { membershipId: b.members.member.membershipId }),
    ).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    })
    await expect(
      removeMember(a.members.admin.scope, { membershipId: b.members.owner.membershipId }),
    ).rejects.toMatchObject({
      code: 'not_found',
      status: 404,
    })
    expect(await db.membership.count({ where: { teamId: b.team.id } })).toBe(2)
  })
})

describe('listing members', () => {
  test('owners first, only this team, and no password hashes', async () => {
    const a = await createTestTeam({ members: { viewer: 'VIEWER', owner: 'OWNER', member: 'MEMBER' } })
    await createTestTeam({ members: { stranger: 'OWNER' } })
    const rows = await listMembers({ teamId: a.team.id })
    expect(rows.map((r) => r.role)).toEqual(['OWNER', 'MEMBER', 'VIEWER'])
    expect(JSON.stringify(rows)).not.toMatch(/passwordHash/)
  })
})
