import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { AppError } from '@/lib/errors/app-error'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { cancelSubscription } from './cancel-subscription'
import { approveSubscription, rejectSubscription, suspendSubscription } from './decide-subscription'
import { getSubscribeOptions } from './get-subscribe-options'
import { listIncomingSubscriptions, listOutgoingSubscriptions } from './list-subscriptions'
import { subscribe } from './subscribe'
import { seedApi, seedSubscriptionFixture, type SubscriptionFixture } from './testing/seed-subscription-fixture'

let fx: SubscriptionFixture
let cleanup: () => Promise<void>

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  fx = await seedSubscriptionFixture()
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

/** A fresh consumer team for tests that must not see each other's subscriptions. */
async function freshConsumer() {
  return createTestTeam({ label: 'c' })
}

describe('subscribe', () => {
  test('an AUTO plan is ACTIVE at once and the gateway is told', async () => {
    const consumer = await freshConsumer()
    const before = await readConfigVersion(db)
    const sub = await subscribe(consumer.scope, { apiId: fx.weather.id, planId: fx.weather.plans.Auto })
    expect(sub).toMatchObject({
      state: 'ACTIVE',
      plan: { name: 'Auto' },
      api: { slug: 'weather' },
      ownerTeam: { id: fx.owner.id },
      consumerTeam: { id: consumer.id },
    })
    expect(await readConfigVersion(db)).toBe(before + 1)
  })

  test('a MANUAL plan waits as PENDING, then the owner approves it', async () => {
    const consumer = await freshConsumer()
    const sub = await subscribe(consumer.scope, { apiId: fx.weather.id, planId: fx.weather.plans.Manual })
    expect(sub.state).toBe('PENDING')
    const before = await readConfigVersion(db)
    const approved = await approveSubscription(fx.owner.scope, { subscriptionId: sub.id })
    expect(approved.state).toBe('ACTIVE')
    expect(await readConfigVersion(db)).toBe(before + 1)
    const row = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })
    expect(row.decidedById).toBe(fx.owner.scope.actor.userId)
  })

  test('the owner rejects a request with a reason the consumer sees', async () => {
    const consumer = await freshConsumer()
    const sub = await subscribe(consumer.scope, { apiId: fx.weather.id, planId: fx.weather.plans.Manual })
    await rejectSubscription(fx.owner.scope, { subscriptionId: sub.id, reason: 'Not for production use' })
    const outgoing = await listOutgoingSubscriptions({ teamId: consumer.id })
    expect(outgoing.items).toEqual([
      expect.objectContaining({ id: sub.id, state: 'REJECTED', reason: 'Not for production use' }),
    ])
  })

  test('a duplicate live subscription is refused, and a rejected one can be retried', async () => {
    const consumer = await freshConsumer()
    const first = await subscribe(consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Manual })
    expect(await failure(subscribe(consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Auto }))).toEqual({
      status: 409,
      code: 'duplicate_subscription',
    })
    await rejectSubscription(fx.owner.scope, { subscriptionId: first.id, reason: 'try later' })
    const again = await subscribe(consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Auto })
    expect(again.state).toBe('ACTIVE')
    expect(await failure(subscribe(consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Auto }))).toEqual({
      status: 409,
      code: 'duplicate_subscription',
    })
  })

  test('a suspended team cannot subscribe its way around the suspension', async () => {
    const consumer = await freshConsumer()
    const sub = await subscribe(consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Auto })
    await suspendSubscription(fx.owner.scope, { subscriptionId: sub.id, reason: 'abuse' })
    expect(await failure(subscribe(consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Auto }))).toEqual({
      status: 409,
      code: 'duplicate_subscription',
    })
  })

  const archivedPlan = async () => {
    const id = `plan_${Math.random().toString(36).slice(2, 10)}`
    await db.plan.create({ data: { id, apiId: fx.weather.id, teamId: fx.owner.id, name: id, archivedAt: new Date() } })
    return { apiId: fx.weather.id, planId: id }
  }
  test.each([
    [
      'a plan of another API',
      async () => ({ apiId: fx.weather.id, planId: fx.maps.plans.Auto }),
      422,
      'invalid_request',
    ],
    ['an archived plan', archivedPlan, 422, 'invalid_request'],
    ["another team's PRIVATE API", async () => ({ apiId: fx.vault.id, planId: fx.vault.plans.Auto }), 404, 'not_found'],
    [
      "another team's draft-only API",
      async () => ({ apiId: fx.draft.id, planId: fx.draft.plans.Auto }),
      404,
      'not_found',
    ],
    [
      'a retired API',
      async () => ({ apiId: fx.retired.id, planId: fx.retired.plans.Auto }),
      409,
      'api_not_subscribable',
    ],
    ['an unknown API', async () => ({ apiId: 'api_nope', planId: fx.weather.plans.Auto }), 404, 'not_found'],
  ])('%s is refused', async (_label, input, status, code) => {
    const consumer = await freshConsumer()
    expect(await failure(subscribe(consumer.scope, await input()))).toEqual({ status, code })
    expect(await db.subscription.count({ where: { consumerTeamId: consumer.id } })).toBe(0)
  })

  test('the owning team may subscribe to its own PRIVATE API', async () => {
    const sub = await subscribe(fx.owner.scope, { apiId: fx.vault.id, planId: fx.vault.plans.Auto })
    expect(sub.state).toBe('ACTIVE')
  })
})

describe('state machine', () => {
  test('suspend needs ACTIVE; cancel ends PENDING and ACTIVE but nothing else', async () => {
    const consumer = await freshConsumer()
    const pending = await subscribe(consumer.scope, { apiId: fx.weather.id, planId: fx.weather.plans.Manual })
    expect(await failure(suspendSubscription(fx.owner.scope, { subscriptionId: pending.id, reason: 'nope' }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    })
    expect((await cancelSubscription(consumer.scope, { subscriptionId: pending.id })).state).toBe('CANCELLED')
    expect(await failure(approveSubscription(fx.owner.scope, { subscriptionId: pending.id }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    })
    expect(await failure(cancelSubscription(consumer.scope, { subscriptionId: pending.id }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    })

    const active = await subscribe(consumer.scope, { apiId: fx.weather.id, planId: fx.weather.plans.Auto })
    const suspended = await suspendSubscription(fx.owner.scope, {
      subscriptionId: active.id,
      reason: 'Unpaid invoices',
    })
    expect(suspended).toMatchObject({ state: 'SUSPENDED', reason: 'Unpaid invoices' })
    expect(await failure(cancelSubscription(consumer.scope, { subscriptionId: active.id }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    })
    expect(await failure(approveSubscription(fx.owner.scope, { subscriptionId: active.id }))).toEqual({
      status: 409,
      code: 'invalid_transition',
    })
  })

  test('the consumer cancels an ACTIVE subscription and the gateway is told', async () => {
    const consumer = await freshConsumer()
    const active = await subscribe(consumer.scope, { apiId: fx.weather.id, planId: fx.weather.plans.Auto })
    const before = await readConfigVersion(db)
    expect((await cancelSubscription(consumer.scope, { subscriptionId: active.id })).state).toBe('CANCELLED')
    expect(await readConfigVersion(db)).toBe(before + 1)
  })
})

describe('tenancy: another team gets not_found and the row is untouched', () => {
  test.each([
    ['approve', (id: string) => approveSubscription(fx.outsider.scope, { subscriptionId: id })],
    ['reject', (id: string) => rejectSubscription(fx.outsider.scope, { subscriptionId: id, reason: 'hijack' })],
    ['suspend', (id: string) => suspendSubscription(fx.outsider.scope, { subscriptionId: id, reason: 'hijack' })],
    ['cancel', (id: string) => cancelSubscription(fx.outsider.scope, { subscriptionId: id })],
    // The consumer is not the owner: it cannot approve its own request.
    ['approve as the consumer', (id: string) => approveSubscription(fx.consumer.scope, { subscriptionId: id })],
    // The owner is not the consumer: it cannot cancel for them (it suspends instead).
    ['cancel as the owner', (id: string) => cancelSubscription(fx.owner.scope, { subscriptionId: id })],
  ])('%s', async (_label, act) => {
    const consumer = fx.consumer
    await db.subscription.updateMany({
      where: { consumerTeamId: consumer.id, apiId: fx.weather.id, state: { in: ['PENDING', 'ACTIVE'] } },
      data: { state: 'CANCELLED' },
    })
    const planId = _label.startsWith('suspend') ? fx.weather.plans.Auto : fx.weather.plans.Manual
    const sub = await subscribe(consumer.scope, { apiId: fx.weather.id, planId })
    const before = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })
    expect(await failure(act(sub.id))).toEqual({ status: 404, code: 'not_found' })
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toEqual(before)
  })

  test('lists only ever show the team’s own side', async () => {
    const suffix = Math.random().toString(36).slice(2, 8)
    const ownerB = await createTestTeam({ slug: `ob-${suffix}` })
    const api = await seedApi(ownerB.id, `solo-${suffix}`)
    const consumer = await freshConsumer()
    const sub = await subscribe(consumer.scope, { apiId: api.id, planId: api.plans.Manual })
    expect((await listIncomingSubscriptions({ teamId: ownerB.id })).items.map((s) => s.id)).toEqual([sub.id])
    expect((await listIncomingSubscriptions({ teamId: consumer.id })).items).toEqual([])
    expect((await listOutgoingSubscriptions({ teamId: ownerB.id })).items).toEqual([])
    expect((await listIncomingSubscriptions({ teamId: fx.outsider.id })).items.map((s) => s.id)).not.toContain(sub.id)
  })
})

describe('lists', () => {
  test('search by API or consumer team, filter by state, paginate', async () => {
    const suffix = Math.random().toString(36).slice(2, 8)
    const ownerB = await createTestTeam({ slug: `lo-${suffix}` })
    const alpha = await seedApi(ownerB.id, `alpha-${suffix}`)
    const beta = await seedApi(ownerB.id, `beta-${suffix}`)
    const consumers = await Promise.all([1, 2, 3].map((i) => createTestTeam({ slug: `zed${i}-${suffix}` })))
    for (const c of consumers) {
      await subscribe(c.scope, { apiId: alpha.id, planId: alpha.plans.Manual })
      await subscribe(c.scope, { apiId: beta.id, planId: beta.plans.Auto })
    }
    const all = await listIncomingSubscriptions({ teamId: ownerB.id }, { pageSize: 4 })
    expect([all.total, all.pageCount, all.items.length]).toEqual([6, 2, 4])
    expect((await listIncomingSubscriptions({ teamId: ownerB.id }, { pageSize: 4, page: 2 })).items).toHaveLength(2)
    expect((await listIncomingSubscriptions({ teamId: ownerB.id }, { q: 'ALPHA' })).items.map((s) => s.api.id)).toEqual(
      [alpha.id, alpha.id, alpha.id],
    )
    expect(
      (await listIncomingSubscriptions({ teamId: ownerB.id }, { q: `zed2-${suffix}` })).items.map(
        (s) => s.consumerTeam.id,
      ),
    ).toEqual([consumers[1].id, consumers[1].id])
    expect(
      (await listIncomingSubscriptions({ teamId: ownerB.id }, { state: 'PENDING' })).items.every(
        (s) => s.state === 'PENDING' && s.api.id === alpha.id,
      ),
    ).toBe(true)
    expect((await listOutgoingSubscriptions({ teamId: consumers[0].id }, { q: `lo-${suffix}` })).total).toBe(2)
  })
})

describe('subscribe panel options', () => {
  test('plans, eligible teams and each team’s current subscription; null for a hidden API', async () => {
    const member = await db.user.create({
      data: { id: `usr_${fx.consumer.id}`, email: `m-${fx.consumer.id}@example.com`, name: 'm' },
    })
    await db.membership.create({
      data: { id: `mem_${fx.consumer.id}_1`, userId: member.id, teamId: fx.consumer.id, role: 'MEMBER' },
    })
    await db.membership.create({
      data: { id: `mem_${fx.consumer.id}_2`, userId: member.id, teamId: fx.outsider.id, role: 'VIEWER' },
    })
    await db.subscription.updateMany({
      where: { consumerTeamId: fx.consumer.id, apiId: fx.maps.id },
      data: { state: 'CANCELLED' },
    })
    await subscribe(fx.consumer.scope, { apiId: fx.maps.id, planId: fx.maps.plans.Manual })

    const options = await getSubscribeOptions(member.id, fx.maps.id)
    expect(options?.plans.map((p) => [p.name, p.approval])).toEqual([
      ['Auto', 'AUTO'],
      ['Manual', 'MANUAL'],
    ])
    // The viewer membership cannot subscribe, so that team is not offered.
    expect(options?.teams).toEqual([
      expect.objectContaining({
        id: fx.consumer.id,
        subscription: expect.objectContaining({ state: 'PENDING', planName: 'Manual', live: true }),
      }),
    ])
    expect(await getSubscribeOptions(member.id, fx.vault.id)).toBeNull()
    expect(await getSubscribeOptions(member.id, fx.draft.id)).toBeNull()
  })
})
