import { afterAll, beforeAll } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { updateApi } from '@/lib/apis/update-api'
import { db, type Tx } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createKey } from '@/lib/keys/create-key'
import { revokeKey } from '@/lib/keys/revoke-key'
import { rotateKey } from '@/lib/keys/rotate-key'
import { deprecateVersion } from '@/lib/lifecycle/deprecate-version'
import { retireVersion } from '@/lib/lifecycle/retire-version'
import { archivePlan } from '@/lib/plans/archive-plan'
import { createPlan } from '@/lib/plans/create-plan'
import { updatePlan } from '@/lib/plans/update-plan'
import { cancelSubscription } from '@/lib/subscriptions/cancel-subscription'
import { approveSubscription, rejectSubscription, suspendSubscription } from '@/lib/subscriptions/decide-subscription'
import { subscribe } from '@/lib/subscriptions/subscribe'
import {
  seedSubscriptionFixture,
  type SubscriptionFixture,
} from '@/lib/subscriptions/testing/seed-subscription-fixture'
import type { TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { describeAtomicChanges, type AtomicChangeCase } from './testing/describe-atomic-changes'

// The key and subscription changes as their console actions run them (teamAction with
// `transaction: true`): the lib function joins the audited transaction, so when the audit entry
// is refused the change is rolled back, and one change writes exactly one entry.

let cleanup: () => Promise<void>
let world: SubscriptionFixture

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  world = await seedSubscriptionFixture()
})
afterAll(async () => {
  await cleanup?.()
})

const keyState = (keyId: string) =>
  db.apiKey.findFirstOrThrow({ where: { id: keyId }, select: { revokedAt: true, replacedById: true } })
const subscriptionState = async (subscriptionId: string) =>
  (await db.subscription.findFirstOrThrow({ where: { id: subscriptionId }, select: { state: true } })).state
const keyCount = (teamId: string) => db.apiKey.count({ where: { teamId } })
const subscriptionCount = (teamId: string) => db.subscription.count({ where: { consumerTeamId: teamId } })

async function keyOf(team: TestTeam) {
  return (await createKey(team.scope, { name: `k-${Math.random()}` })).key.id
}
async function subscriptionOf(plan: 'Auto' | 'Manual') {
  const { consumer, weather, maps } = world
  // One live subscription per API and team: end what an earlier run left (a suspended one too).
  await db.subscription.updateMany({
    where: { consumerTeamId: consumer.id, apiId: { in: [weather.id, maps.id] } },
    data: { state: 'CANCELLED' },
  })
  return (await subscribe(consumer.scope, { apiId: weather.id, planId: weather.plans[plan] })).id
}

const fresh = () => Math.random().toString(36).slice(2, 8)
const apiOf = (id: string) => db.api.findFirstOrThrow({ where: { id }, select: { name: true } })
const planOf = (id: string) => db.plan.findFirstOrThrow({ where: { id }, select: { name: true, archivedAt: true } })
const ownerCounts = async () => [
  await db.api.count({ where: { teamId: world.owner.id } }),
  await db.plan.count({ where: { teamId: world.owner.id } }),
]

const DAY_MS = 24 * 3600 * 1000
async function versionIn(state: 'PUBLISHED' | 'DEPRECATED') {
  const { owner, maps } = world
  const sunsetAt = state === 'DEPRECATED' ? new Date(Date.now() - DAY_MS) : null
  const data = { id: createId('ver'), apiId: maps.id, teamId: owner.id, version: `v${fresh()}`, major: 1 }
  return (
    await db.apiVersion.create({ data: { ...data, openapi: '{}', upstreamUrl: 'http://127.0.0.1:9', state, sunsetAt } })
  ).id
}
const versionState = (id: string) => db.apiVersion.findFirstOrThrow({ where: { id }, select: { state: true } })

const CASES: AtomicChangeCase[] = [
  {
    label: 'deprecating a version',
    audit: 'version.deprecate',
    prepare: async () => {
      const team = world.owner
      const versionId = await versionIn('PUBLISHED')
      const sunsetAt = new Date(Date.now() + 30 * DAY_MS)
      const change = (tx?: Tx) => deprecateVersion(team.scope, { versionId, sunsetAt }, new Date(), tx)
      return { team, change, observe: () => versionState(versionId) }
    },
  },
  {
    label: 'retiring a version',
    audit: 'version.retire',
    prepare: async () => {
      const team = world.owner
      const versionId = await versionIn('DEPRECATED')
      const change = (tx?: Tx) => retireVersion(team.scope, { versionId }, new Date(), tx)
      return { team, change, observe: () => versionState(versionId) }
    },
  },
  {
    label: 'creating an API',
    audit: 'api.create',
    prepare: async () => {
      const team = world.owner
      const change = (tx?: Tx) => createApi(team.scope, { name: 'Atomic', slug: `atomic-${fresh()}` }, tx)
      return { team, change, observe: ownerCounts }
    },
  },
  {
    label: 'updating an API',
    audit: 'api.update',
    prepare: async () => {
      const { owner: team, weather } = world
      const change = (tx?: Tx) => updateApi(team.scope, { apiId: weather.id, name: `Weather ${fresh()}` }, tx)
      return { team, change, observe: () => apiOf(weather.id) }
    },
  },
  {
    label: 'creating a plan',
    audit: 'plan.create',
    prepare: async () => {
      const { owner: team, maps } = world
      const change = (tx?: Tx) => createPlan(team.scope, { apiId: maps.id, name: `P ${fresh()}`, approval: 'AUTO' }, tx)
      return { team, change, observe: ownerCounts }
    },
  },
  {
    label: 'updating a plan',
    audit: 'plan.update',
    prepare: async () => {
      const { owner: team, maps } = world
      const change = (tx?: Tx) => updatePlan(team.scope, { planId: maps.plans.Auto, name: `Auto ${fresh()}` }, tx)
      return { team, change, observe: () => planOf(maps.plans.Auto) }
    },
  },
  {
    label: 'archiving a plan',
    audit: 'plan.archive',
    prepare: async () => {
      const { owner: team, maps } = world
      const { id: planId } = await createPlan(team.scope, { apiId: maps.id, name: `A ${fresh()}`, approval: 'AUTO' })
      const change = (tx?: Tx) => archivePlan(team.scope, { planId }, new Date(), tx)
      return { team, change, observe: () => planOf(planId) }
    },
  },
  {
    label: 'creating a key',
    audit: 'key.create',
    prepare: async () => {
      const team = world.consumer
      return { team, change: (tx) => createKey(team.scope, { name: 'atomic' }, tx), observe: () => keyCount(team.id) }
    },
  },
  {
    label: 'rotating a key',
    audit: 'key.rotate',
    prepare: async () => {
      const team = world.consumer
      const keyId = await keyOf(team)
      const change = (tx?: Tx) => rotateKey(team.scope, { keyId, graceSeconds: 0 }, tx)
      return { team, change, observe: async () => [await keyState(keyId), await keyCount(team.id)] }
    },
  },
  {
    label: 'revoking a key',
    audit: 'key.revoke',
    prepare: async () => {
      const team = world.consumer
      const keyId = await keyOf(team)
      return { team, change: (tx) => revokeKey(team.scope, { keyId }, tx), observe: () => keyState(keyId) }
    },
  },
  {
    label: 'requesting a subscription',
    audit: 'subscription.create',
    prepare: async () => {
      const { consumer: team, maps } = world
      await subscriptionOf('Auto')
      const change = (tx?: Tx) => subscribe(team.scope, { apiId: maps.id, planId: maps.plans.Auto }, tx)
      return { team, change, observe: () => subscriptionCount(team.id) }
    },
  },
  ...(['approve', 'reject', 'suspend', 'cancel'] as const).map((verb): AtomicChangeCase => ({
    label: `${verb === 'cancel' ? 'cancelling' : `${verb.replace(/e$/, '')}ing`} a subscription`,
    audit: `subscription.${verb}`,
    prepare: async () => {
      const subscriptionId = await subscriptionOf(verb === 'suspend' ? 'Auto' : 'Manual')
      const { owner, consumer } = world
      const decide = { approve: approveSubscription, reject: rejectSubscription, suspend: suspendSubscription }
      const team = verb === 'cancel' ? consumer : owner
      const change = (tx?: Tx) =>
        verb === 'cancel'
          ? cancelSubscription(team.scope, { subscriptionId }, tx)
          : decide[verb](team.scope, { subscriptionId, reason: 'Audited' }, tx)
      return { team, change, observe: () => subscriptionState(subscriptionId) }
    },
  })),
]

describeAtomicChanges(CASES)
