import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { scopeOf } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { randomToken } from '@/lib/ids'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { createTeam } from './create-team'
import { createTeamSchema, updateTeamSchema } from './schemas'
import { createUser } from '@/lib/testing/create-test-team'
import { updateTeam } from './update-team'

let cleanup: () => Promise<void>
beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
})
afterAll(async () => cleanup?.())

describe('team input', () => {
  test.each([
    ['uppercase is lowered', 'Acme-EU', true],
    ['digits and hyphens', 'team-42', true],
    ['a space', 'acme corp', false],
    ['an underscore', 'acme_corp', false],
    ['a leading hyphen', '-acme', false],
    ['a trailing hyphen', 'acme-', false],
    ['a double hyphen', 'acme--eu', false],
    ['one character', 'a', false],
    ['a slash', 'acme/eu', false],
  ])('slug with %s: valid=%s', (_label, slug, valid) => {
    expect(createTeamSchema.safeParse({ name: 'Acme', slug }).success).toBe(valid)
  })

  test('an empty contact email means none; a bad one is a field error', () => {
    expect(updateTeamSchema.parse({ name: 'Acme', contactEmail: '' })).toEqual({
      name: 'Acme',
      contactEmail: undefined,
    })
    const result = updateTeamSchema.safeParse({ name: 'Acme', contactEmail: 'not-an-email' })
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['contactEmail'])
  })
})

describe('createTeam', () => {
  test('the creator becomes the only owner and the team gets a billing account', async () => {
    const user = await createUser('founder')
    const slug = `new-${randomToken(6)}`
    const team = await createTeam(user.id, { name: 'New Team', slug, contactEmail: 'ops@example.test' })
    expect(team.slug).toBe(slug)
    const memberships = await db.membership.findMany({
      where: { teamId: team.id },
      select: { userId: true, role: true },
    })
    expect(memberships).toEqual([{ userId: user.id, role: 'OWNER' }])
    expect(await db.billingAccount.count({ where: { teamId: team.id } })).toBe(1)
  })

  test('a taken slug is a field error and creates nothing', async () => {
    const user = await createUser('founder')
    const slug = `dup-${randomToken(6)}`
    await createTeam(user.id, { name: 'First', slug })
    const other = await createUser('second')
    await expect(createTeam(other.id, { name: 'Second', slug })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { slug: ['That slug is already taken'] },
    })
    expect(await db.membership.count({ where: { userId: other.id } })).toBe(0)
  })

  test('updateTeam renames and clears the contact email, scoped to that team', async () => {
    const user = await createUser('founder')
    const team = await createTeam(user.id, {
      name: 'Before',
      slug: `upd-${randomToken(6)}`,
      contactEmail: 'a@example.test',
    })
    await updateTeam(scopeOf({ team, user, role: 'OWNER' }), { name: 'After', contactEmail: undefined })
    expect(
      await db.team.findUnique({ where: { id: team.id }, select: { name: true, contactEmail: true, slug: true } }),
    ).toEqual({ name: 'After', contactEmail: null, slug: team.slug })
  })
})
