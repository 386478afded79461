import type { IncomingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { AppError } from '@/lib/errors/app-error'
import { authenticateKey } from '@/lib/gateway/authenticate-key'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { loadSnapshot } from '@/lib/gateway/load-snapshot'
import { UpstreamPools } from '@/lib/gateway/upstream-pools'
import { subscribe } from '@/lib/subscriptions/subscribe'
import { seedApi } from '@/lib/subscriptions/testing/seed-subscription-fixture'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { createKey } from './create-key'
import { hashKey, KEY_PATTERN } from '@/lib/credentials/key-format'
import { keyStatus } from './key-status'
import { listKeys } from './list-keys'
import { revokeKey } from './revoke-key'
import { rotateKey } from './rotate-key'

let cleanup: () => Promise<void>
const pools = new UpstreamPools()
let team: TestTeam
let other: TestTeam
let activeSubscriptionId: string
let pendingSubscriptionId: string

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  const owner = await createTestTeam({ label: 'owner' })
  team = await createTestTeam({ label: 'team' })
  other = await createTestTeam({ label: 'other' })
  const api = await seedApi(owner.id, 'weather')
  const maps = await seedApi(owner.id, 'maps')
  activeSubscriptionId = (await subscribe(team.scope, { apiId: api.id, planId: api.plans.Auto })).id
  pendingSubscriptionId = (await subscribe(team.scope, { apiId: maps.id, planId: maps.plans.Manual })).id
})
afterAll(async () => {
  await pools.close()
  await cleanup?.()
})

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null
  if (!error) throw new Error('expected the call to fail')
  return { status: error.status, code: error.code }
}

/** What the gateway would answer for this key value right now: a key id, or its error code. */
async function gatewayAuth(value: string, now = Date.now()): Promise<string> {
  const snapshot = await loadSnapshot(db, pools)
  const headers: IncomingHttpHeaders = { authorization: `Bearer ${value}` }
  const result = authenticateKey(headers, snapshot, now)
  return typeof result === 'string' ? result : result.id
}

describe('create', () => {
  test('stores only the hash and prefix; the value is returned once and the gateway accepts it', async () => {
    const before = await readConfigVersion(db)
    const { key, value } = await createKey(team.scope, { name: 'CI deploys' })
    expect(value).toMatch(KEY_PATTERN)
    expect(value.startsWith('tg_live_')).toBe(true)
    expect(key).toMatchObject({ name: 'CI deploys', status: 'ACTIVE', prefix: value.slice(0, 14), restrictedTo: [] })
    expect(key).not.toHaveProperty('hash')
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })
    expect(row.hash).toBe(hashKey(value))
    expect(JSON.stringify(row)).not.toContain(value)
    expect(await readConfigVersion(db)).toBe(before + 1)
    expect(await gatewayAuth(value)).toBe(key.id)

    const listed = await listKeys({ teamId: team.id }, { q: 'CI deploys' })
    expect(listed.items.map((k) => k.id)).toEqual([key.id])
    const serialized = JSON.stringify(listed)
    expect(serialized).not.toContain(value)
    expect(serialized).not.toContain(row.hash)
    expect(serialized).not.toContain('"hash"')
  })

  test('restricted to an ACTIVE subscription of the team', async () => {
    const { key } = await createKey(team.scope, { name: 'Weather only', subscriptionIds: [activeSubscriptionId] })
    expect(key.restrictedTo).toEqual([
      { subscriptionId: activeSubscriptionId, apiName: 'weather api', planName: 'Auto' },
    ])
  })

  test.each([
    ['a PENDING subscription', () => [pendingSubscriptionId]],
    ['an unknown subscription', () => ['sub_nope']],
  ])('restriction to %s is refused', async (_label, ids) => {
    const count = await db.apiKey.count()
    expect(await failure(createKey(team.scope, { name: 'Bad', subscriptionIds: ids() }))).toEqual({
      status: 422,
      code: 'invalid_request',
    })
    expect(await db.apiKey.count()).toBe(count)
  })

  test("restriction to another team's subscription is refused", async () => {
    expect(await failure(createKey(other.scope, { name: 'Sneaky', subscriptionIds: [activeSubscriptionId] }))).toEqual({
      status: 422,
      code: 'invalid_request',
    })
  })

  test.each([
    ['a past expiry', { name: 'Old', expiresAt: '2020-01-01' }, 'expiresAt'],
    ['a one-letter name', { name: 'x' }, 'name'],
  ])('%s is a validation error', async (_label, input, field) => {
    const error = (await createKey(team.scope, input).catch((e: unknown) => e)) as { issues?: { path: string[] }[] }
    expect(error.issues?.[0]?.path).toEqual([field])
  })

  test('an expiry in the future is kept and the key expires at the gateway after it', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000)
    const { key, value } = await createKey(team.scope, { name: 'Short lived', expiresAt: expiresAt.toISOString() })
    expect(key.expiresAt?.getTime()).toBe(expiresAt.getTime())
    expect(await gatewayAuth(value, expiresAt.getTime() + 1)).toBe('key_expired')
    expect(keyStatus(key, expiresAt.getTime() + 1)).toBe('EXPIRED')
  })
})

describe('rotate', () => {
  test('the new key works at once; the old one works until its grace period ends', async () => {
    const { key: old, value: oldValue } = await createKey(team.scope, {
      name: 'Rotating',
      subscriptionIds: [activeSubscriptionId],
    })
    const before = await readConfigVersion(db)
    const started = Date.now()
    const { key, value, previous } = await rotateKey(team.scope, { keyId: old.id, graceSeconds: 3600 })
    expect(await readConfigVersion(db)).toBe(before + 1)
    expect(value).toMatch(KEY_PATTERN)
    expect(value).not.toBe(oldValue)
    expect(key).toMatchObject({
      name: 'Rotating',
      status: 'ACTIVE',
      restrictedTo: [expect.objectContaining({ subscriptionId: activeSubscriptionId })],
    })
    expect(previous).toMatchObject({ id: old.id, status: 'GRACE', replacedById: key.id })
    const graceEnds = previous.graceEndsAt!.getTime()
    expect(graceEnds - started).toBeGreaterThanOrEqual(3600_000 - 1000)
    expect(graceEnds - started).toBeLessThanOrEqual(3600_000 + 5000)

    expect(await gatewayAuth(value)).toBe(key.id)
    expect(await gatewayAuth(oldValue)).toBe(old.id)
    expect(await gatewayAuth(oldValue, graceEnds + 1)).toBe('key_expired')
    expect(await gatewayAuth(value, graceEnds + 1)).toBe(key.id)
  })

  test('a grace period of 0 stops the old key at once; a rotated key cannot be rotated again', async () => {
    const { key: old, value: oldValue } = await createKey(team.scope, { name: 'Leaked' })
    await rotateKey(team.scope, { keyId: old.id, graceSeconds: 0 })
    expect(await gatewayAuth(oldValue)).toBe('key_expired')
    expect(await failure(rotateKey(team.scope, { keyId: old.id }))).toEqual({ status: 409, code: 'key_not_rotatable' })
  })

  test('the default grace period is 24 hours', async () => {
    const { key: old } = await createKey(team.scope, { name: 'Default grace' })
    const { previous } = await rotateKey(team.scope, { keyId: old.id })
    expect(Math.round((previous.graceEndsAt!.getTime() - Date.now()) / 3_600_000)).toBe(24)
  })
})

describe('revoke', () => {
  test('revoked now, refused at the gateway, and revoking twice is a conflict', async () => {
    const { key, value } = await createKey(team.scope, { name: 'To revoke' })
    const before = await readConfigVersion(db)
    const revoked = await revokeKey(team.scope, { keyId: key.id })
    expect(revoked.status).toBe('REVOKED')
    expect(await readConfigVersion(db)).toBe(before + 1)
    expect(await gatewayAuth(value)).toBe('key_revoked')
    expect(await failure(revokeKey(team.scope, { keyId: key.id }))).toEqual({
      status: 409,
      code: 'key_already_revoked',
    })
    expect(await failure(rotateKey(team.scope, { keyId: key.id }))).toEqual({ status: 409, code: 'key_not_rotatable' })
  })
})

describe('tenancy: another team gets not_found and the row is untouched', () => {
  test.each([
    ['revoke', (id: string) => revokeKey(other.scope, { keyId: id })],
    ['rotate', (id: string) => rotateKey(other.scope, { keyId: id, graceSeconds: 0 })],
  ])('%s', async (_label, act) => {
    const { key, value } = await createKey(team.scope, { name: `Victim ${_label}` })
    const before = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })
    const keyCount = await db.apiKey.count()
    expect(await failure(act(key.id))).toEqual({ status: 404, code: 'not_found' })
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toEqual(before)
    expect(await db.apiKey.count()).toBe(keyCount)
    expect(await gatewayAuth(value)).toBe(key.id)
  })

  test("list shows only the team's own keys", async () => {
    await createKey(other.scope, { name: 'Other team key' })
    expect((await listKeys({ teamId: team.id }, { q: 'Other team key' })).items).toEqual([])
    expect((await listKeys({ teamId: other.id })).items.map((k) => k.name)).toEqual(['Other team key'])
  })

  test('list paginates newest first', async () => {
    const solo = await createTestTeam({ label: 'solo' })
    for (const n of [1, 2, 3]) await createKey(solo.scope, { name: `Key ${n}` })
    const first = await listKeys({ teamId: solo.id }, { pageSize: 2 })
    expect([first.total, first.pageCount, first.items.map((k) => k.name)]).toEqual([3, 2, ['Key 3', 'Key 2']])
    expect((await listKeys({ teamId: solo.id }, { pageSize: 2, page: 2 })).items.map((k) => k.name)).toEqual(['Key 1'])
  })
})
