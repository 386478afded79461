import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestTeam, createUser } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { applyGroupRoles, parseGroupRoles } from './oidc-groups'

let cleanup: () => Promise<void>
beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
})
afterAll(async () => cleanup?.())

describe('parseGroupRoles', () => {
  test('reads "<team>:<role>" entries, case-insensitive; the higher role wins; the rest is ignored', () => {
    const roles = parseGroupRoles(['Acme:Member', 'acme:admin', 'globex:viewer', 'admins', 'x:root', 7, 'a b:owner'])
    expect([...roles]).toEqual([
      ['acme', 'ADMIN'],
      ['globex', 'VIEWER'],
    ])
  })

  test('a space- or comma-separated string is a list too; anything else grants nothing', () => {
    expect([...parseGroupRoles('acme:owner, globex:member')]).toEqual([
      ['acme', 'OWNER'],
      ['globex', 'MEMBER'],
    ])
    for (const claim of [undefined, null, 3, { acme: 'owner' }]) expect(parseGroupRoles(claim).size).toBe(0)
  })
})

describe('applyGroupRoles', () => {
  const roleIn = async (teamId: string, userId: string) =>
    (await db.membership.findUnique({ where: { teamId_userId: { teamId, userId } } }))?.role ?? null

  test('creates memberships, changes roles of the teams it names, and leaves other teams alone', async () => {
    const named = await createTestTeam()
    const other = await createTestTeam()
    const user = await createUser('sso')
    await db.membership.create({ data: { id: `mem_${user.id}`, teamId: other.id, userId: user.id, role: 'ADMIN' } })

    await applyGroupRoles(user.id, new Map([[named.slug, 'MEMBER']]))
    expect(await roleIn(named.id, user.id)).toBe('MEMBER')
    await applyGroupRoles(user.id, new Map([[named.slug, 'VIEWER']]))
    expect(await roleIn(named.id, user.id)).toBe('VIEWER')
    expect(await roleIn(other.id, user.id)).toBe('ADMIN')
  })

  test('never demotes an owner, and ignores teams that do not exist', async () => {
    const team = await createTestTeam({ members: { owner: 'OWNER' } })
    const owner = team.members.owner
    await applyGroupRoles(
      owner.userId,
      new Map([
        [team.slug, 'VIEWER'],
        ['no-such-team', 'ADMIN'],
      ]),
    )
    expect(await roleIn(team.id, owner.userId)).toBe('OWNER')
    expect(await db.team.count({ where: { slug: 'no-such-team' } })).toBe(0)
  })
})
