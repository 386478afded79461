import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { AppError } from '@/lib/errors/app-error'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { authenticateManagementToken } from './authenticate-management-token'
import { createManagementToken } from './create-management-token'
import { listManagementTokens } from './list-management-tokens'
import { revokeManagementToken } from './revoke-management-token'
import { hashManagementToken, MANAGEMENT_TOKEN_PATTERN } from './token-format'

let cleanup: () => Promise<void>
let team: TestTeam
let other: TestTeam

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  team = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER', viewer: 'VIEWER' } })
  other = await createTestTeam({ label: 'other' })
})
afterAll(async () => cleanup?.())

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null
  if (!error) throw new Error('expected the call to fail')
  return { status: error.status, code: error.code }
}

const bearer = (value: string) => `Bearer ${value}`

describe('create', () => {
  test('the value is returned once and only its hash is stored', async () => {
    const { token, value } = await createManagementToken(team.scope, { name: 'ci deploy', access: 'write' })
    expect(value).toMatch(MANAGEMENT_TOKEN_PATTERN)
    expect(token).not.toHaveProperty('hash')
    const row = await db.managementToken.findUniqueOrThrow({ where: { id: token.id } })
    expect([row.hash, row.prefix, row.teamId, row.role]).toEqual([
      hashManagementToken(value),
      value.slice(0, 10),
      team.id,
      'OWNER',
    ])
    expect(JSON.stringify(await listManagementTokens(team.scope))).not.toContain(row.hash)
  })

  test.each([
    ['a one-letter name', { name: 'x', access: 'read' }, 'name'],
    ['an unknown access', { name: 'ci', access: 'admin' }, 'access'],
    ['an expiry in the past', { name: 'ci', access: 'read', expiresAt: '2001-01-01' }, 'expiresAt'],
  ])('refuses %s', async (_label, input, field) => {
    const error = (await createManagementToken(team.scope, input as never).catch((e: unknown) => e)) as {
      issues: Array<{ path: string[] }>
    }
    expect(error.issues.map((issue) => issue.path[0])).toContain(field)
  })
})

describe('authenticate', () => {
  test('a read token reads only; write adds writes; billing and ai need their grants', async () => {
    const read = await createManagementToken(team.scope, { name: 'read', access: 'read' })
    const write = await createManagementToken(team.scope, { name: 'write', access: 'write' })
    const full = await createManagementToken(team.scope, {
      name: 'full',
      access: 'write',
      grantBilling: 'on',
      grantAi: 'on',
    })
    const can = async (value: string) => [...(await authenticateManagementToken(bearer(value))).permissions].sort()
    expect(await can(read.value)).toEqual(['team.read'])
    expect(await can(write.value)).not.toContain('billing.read')
    expect(await can(write.value)).toContain('apis.write')
    expect(await can(write.value)).not.toContain('ai.write')
    expect(await can(full.value)).toEqual(expect.arrayContaining(['billing.write', 'ai.write', 'team.manage']))
  })

  test('a token never does more than its creator: a viewer’s write token cannot write', async () => {
    const { value } = await createManagementToken(team.members.viewer.scope, { name: 'viewer', access: 'write' })
    const caller = await authenticateManagementToken(bearer(value))
    expect([...caller.permissions]).toEqual(['team.read'])
  })

  test('a demoted creator takes the token down with them; a removed one ends it', async () => {
    const member = team.members.member
    const { value } = await createManagementToken(member.scope, { name: 'member', access: 'write' })
    expect((await authenticateManagementToken(bearer(value))).permissions.has('apis.write')).toBe(true)
    await db.membership.update({ where: { id: member.membershipId }, data: { role: 'VIEWER' } })
    expect((await authenticateManagementToken(bearer(value))).permissions.has('apis.write')).toBe(false)
    await db.membership.delete({ where: { id: member.membershipId } })
    expect(await failure(authenticateManagementToken(bearer(value)))).toEqual({ status: 401, code: 'invalid_token' })
  })

  test.each([
    ['no header', null],
    ['a gateway key', 'Bearer tg_live_0123456789abcdef0123'],
    ['an unknown token', 'Bearer tgm_0123456789abcdef0123456789abcdef'],
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s with 401', async (_label, header) => {
    expect(await failure(authenticateManagementToken(header))).toEqual({ status: 401, code: 'invalid_token' })
  })

  test('an expired token is refused; last use is recorded', async () => {
    const { token, value } = await createManagementToken(team.scope, {
      name: 'short',
      access: 'read',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    })
    await authenticateManagementToken(bearer(value))
    expect((await db.managementToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull()
    const later = new Date(Date.now() + 120_000)
    expect(await failure(authenticateManagementToken(bearer(value), later))).toMatchObject({ status: 401 })
  })
})

describe('revoke and list', () => {
  test('revoked tokens stop at once; another team’s token id reads as not found', async () => {
    const { token, value } = await createManagementToken(team.scope, { name: 'to revoke', access: 'read' })
    expect(await failure(revokeManagementToken(other.scope, { tokenId: token.id }))).toMatchObject({ status: 404 })
    expect((await revokeManagementToken(team.scope, { tokenId: token.id })).status).toBe('REVOKED')
    expect(await failure(authenticateManagementToken(bearer(value)))).toMatchObject({ status: 401 })
    expect(await failure(revokeManagementToken(team.scope, { tokenId: token.id }))).toMatchObject({ status: 409 })
  })

  test('a member cannot revoke someone else’s token; an owner can', async () => {
    const extra = await createTestTeam({ members: { owner: 'OWNER', member: 'MEMBER' } })
    const { token } = await createManagementToken(extra.scope, { name: 'owner token', access: 'read' })
    expect(await failure(revokeManagementToken(extra.members.member.scope, { tokenId: token.id }))).toMatchObject({
      status: 403,
    })
    const own = await createManagementToken(extra.members.member.scope, { name: 'mine', access: 'read' })
    expect((await revokeManagementToken(extra.members.member.scope, { tokenId: own.token.id })).status).toBe('REVOKED')
  })

  test('the list pages, searches and never shows another team’s tokens', async () => {
    const fresh = await createTestTeam()
    for (let i = 0; i < 5; i++) await createManagementToken(fresh.scope, { name: `script ${i}`, access: 'read' })
    await createManagementToken(fresh.scope, { name: 'nightly backup', access: 'read' })
    const page = await listManagementTokens(fresh.scope, { page: 2, pageSize: 4 })
    expect([page.total, page.pageCount, page.items.length]).toEqual([6, 2, 2])
    expect((await listManagementTokens(fresh.scope, { q: 'nightly' })).items.map((t) => t.name)).toEqual([
      'nightly backup',
    ])
    expect((await listManagementTokens(other.scope)).total).toBe(0)
  })
})
