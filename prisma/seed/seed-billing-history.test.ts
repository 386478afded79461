import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { utcMonth } from '@/lib/billing/month'
import { db } from '@/lib/db'
import { hashKey, keyDisplayPrefix } from '@/lib/credentials/key-format'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { retentionCutoff } from '@/lib/metering/prune-invocations'
import { readSeedConfig } from './seed-config'
import { runSeed } from './seed-demo'

// The demo's money: what the billing and incident pages show after `npm run seed`, and the one
// promise the e2e suite relies on: initech's balance pays for exactly 20 calls to acme/weather.

const INITECH_KEY = 'tg_test_initechseedtest000000000001'
const config = readSeedConfig({
  SEED_API_KEY: 'tg_test_globexseedtest0000000000001',
  SEED_API_KEY_INITECH: INITECH_KEY,
  DEMO_UPSTREAM_PORT: '4999',
})
let cleanup: () => Promise<void>

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  await runSeed(db, config)
  // The whole demo seed (59k logged calls) on a machine busy with other tests.
}, 180_000)
afterAll(async () => cleanup?.())

const team = (slug: string) => db.team.findUniqueOrThrow({ where: { slug }, include: { billingAccount: true } })
const ledgerOf = (teamId: string) => db.ledgerEntry.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } })
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n)

async function weatherPlan() {
  const api = await db.api.findFirstOrThrow({ where: { slug: 'weather', team: { slug: 'acme' } } })
  const plan = await db.plan.findUniqueOrThrow({ where: { apiId_name: { apiId: api.id, name: 'Pay as you go' } } })
  return { api, plan }
}

describe('demo billing history', () => {
  test("initech pays per call for acme/weather, has used this month's free calls and can pay for exactly 20 more", async () => {
    const initech = await team('initech')
    const { api, plan } = await weatherPlan()
    expect(plan).toMatchObject({ paid: true, currency: 'USD', pricePerCallMicros: 2_000n, freeCallsPerMonth: 1_000 })
    const subscription = await db.subscription.findFirstOrThrow({
      where: { apiId: api.id, consumerTeamId: initech.id },
    })
    expect([subscription.state, subscription.planId]).toEqual(['ACTIVE', plan.id])
    // Every billable call counts towards the month, free or paid (as the gateway counts them): no free call is left.
    const usage = await db.subscriptionUsage.findUniqueOrThrow({
      where: { subscriptionId_month: { subscriptionId: subscription.id, month: utcMonth(config.now.getTime()) } },
    })
    expect(usage.calls).toBeGreaterThanOrEqual(plan.freeCallsPerMonth)

    expect(initech.billingAccount).toMatchObject({
      balanceMicros: 20n * plan.pricePerCallMicros,
      creditLimitMicros: 0n,
      monthlyBudgetMicros: null,
      paymentMethodStatus: 'VALID',
      paymentMethodLabel: 'Visa •••• 4242',
    })
    expect(sum((await ledgerOf(initech.id)).map((e) => e.amountMicros))).toBe(20n * plan.pricePerCallMicros)
  })

  test("initech's ledger never dips below zero, is empty when its calls are refused, and the top-up that resolved it is there", async () => {
    const initech = await team('initech')
    const incident = await db.paymentIncident.findFirstOrThrow({
      where: { consumerTeamId: initech.id, cause: 'insufficient_balance' },
    })
    const owner = await db.user.findUniqueOrThrow({ where: { email: 'owner@initech.test' } })
    expect(incident).toMatchObject({
      state: 'RESOLVED',
      resolution: 'Resolved automatically: top-up of $20.00',
      resolvedById: owner.id,
    })
    let balance = 0n
    let atIncident: bigint | null = null
    for (const entry of await ledgerOf(initech.id)) {
      if (atIncident === null && entry.createdAt >= incident.firstSeenAt) atIncident = balance
      balance += entry.amountMicros
      expect(balance, `${entry.createdAt.toISOString()} ${entry.description}`).toBeGreaterThanOrEqual(0n)
    }
    expect(atIncident).toBe(0n)
    const topUp = await db.ledgerEntry.findFirstOrThrow({
      where: { teamId: initech.id, kind: 'TOP_UP', createdAt: incident.resolvedAt! },
    })
    expect(topUp.amountMicros).toBe(20_000_000n)
  })

  test('charges add up to the cost in the rollups: spend for globex and initech, revenue for acme', async () => {
    const [acme, globex, initech] = await Promise.all([team('acme'), team('globex'), team('initech')])
    const { api, plan } = await weatherPlan()
    for (const consumer of [globex, initech]) {
      // globex also pays for acme/assistant (seed-ai-history.ts): the weather charges are checked here.
      const all = await db.ledgerEntry.findMany({ where: { teamId: consumer.id, kind: 'CHARGE' } })
      const charges = all.filter((c) => c.apiId === api.id)
      expect(charges.length, consumer.slug).toBeGreaterThan(10)
      expect(
        charges.every((c) => c.planId === plan.id && /^[\d,]+ calls? to acme\/weather v[12]$/.test(c.description)),
      ).toBe(true)
      const cost = await db.usageRollup.aggregate({
        where: { consumerTeamId: consumer.id, apiId: api.id },
        _sum: { costMicros: true },
      })
      expect(-sum(charges.map((c) => c.amountMicros)), consumer.slug).toBe(cost._sum.costMicros)
      // Month-to-date spend is this month's charges, as the gateway's budget check reads it.
      const month = utcMonth(config.now.getTime())
      const thisMonth = all.filter((c) => utcMonth(c.createdAt.getTime()) === month)
      expect(consumer.billingAccount).toMatchObject({
        spendMonth: month,
        spendMicros: -sum(thisMonth.map((c) => c.amountMicros)),
      })
    }
    const revenue = await db.usageRollup.aggregate({ where: { ownerTeamId: acme.id }, _sum: { costMicros: true } })
    expect(revenue._sum.costMicros).toBeGreaterThan(0n)
  })

  test("globex keeps a healthy balance, and its raised budget is above this month's spend", async () => {
    const globex = await team('globex')
    const account = globex.billingAccount!
    expect(account.balanceMicros).toBe(sum((await ledgerOf(globex.id)).map((e) => e.amountMicros)))
    expect(account.balanceMicros).toBeGreaterThan(500_000_000n)
    expect([account.paymentMethodStatus, account.monthlyBudgetMicros]).toEqual(['VALID', 150_000_000n])
    expect(account.spendMicros).toBeLessThan(account.monthlyBudgetMicros!)
    const incident = await db.paymentIncident.findFirstOrThrow({ where: { consumerTeamId: globex.id } })
    expect(incident).toMatchObject({
      cause: 'budget_exceeded',
      state: 'RESOLVED',
      resolution: 'Resolved automatically: monthly budget raised to $150.00',
    })
  })

  test('two resolved episodes and one open; every refused call is in the call log and the 402 rollups', async () => {
    const incidents = await db.paymentIncident.findMany({ orderBy: { firstSeenAt: 'asc' } })
    expect(incidents.map((i) => [i.cause, i.state])).toEqual([
      ['insufficient_balance', 'RESOLVED'],
      ['budget_exceeded', 'RESOLVED'],
      ['upstream_payment_required', 'OPEN'],
    ])
    for (const incident of incidents) {
      const calls = await db.invocation.findMany({ where: { incidentId: incident.id } })
      expect(calls.length, incident.cause).toBe(incident.blockedCalls)
      expect(calls.length).toBeGreaterThanOrEqual(5)
      expect(
        calls.every(
          (c) =>
            c.status === 402 &&
            c.errorCode === incident.cause &&
            c.consumerTeamId === incident.consumerTeamId &&
            c.costMicros === 0n,
        ),
      ).toBe(true)
      const rollups = await db.paymentRollup.aggregate({
        where: { consumerTeamId: incident.consumerTeamId, apiId: incident.apiId, cause: incident.cause },
        _sum: { blockedCalls: true, blockedRevenueMicros: true },
      })
      expect([rollups._sum.blockedCalls, rollups._sum.blockedRevenueMicros]).toEqual([
        incident.blockedCalls,
        incident.blockedRevenueMicros,
      ])
      expect(incident.lastSeenAt.getTime()).toBeLessThanOrEqual(config.now.getTime())
    }
    const open = incidents.at(-1)!
    expect([open.resolvedAt, open.resolution]).toEqual([null, null])
    const blocked = await db.usageRollup.aggregate({ _sum: { blocked402: true } })
    expect(blocked._sum.blocked402).toBe(incidents.reduce((n, i) => n + i.blockedCalls, 0))
  })

  test('SEED_API_KEY_INITECH gives initech a key with exactly that value (hash only)', async () => {
    const initech = await team('initech')
    const key = await db.apiKey.findUniqueOrThrow({ where: { hash: hashKey(INITECH_KEY) } })
    expect([key.teamId, key.prefix, key.revokedAt, key.expiresAt]).toEqual([
      initech.id,
      keyDisplayPrefix(INITECH_KEY),
      null,
      null,
    ])
  })

  test('every rollup inside the retention window has its raw calls: each hour, API, consumer, key and status class counts as many Invocation rows', async () => {
    const cutoff = retentionCutoff(config.now.getTime())
    const HOUR = 3_600_000
    const firstFullHour = new Date(Math.ceil(cutoff / HOUR) * HOUR)
    const [rollups, calls] = await Promise.all([
      db.usageRollup.findMany({ where: { hour: { gte: firstFullHour } } }),
      db.invocation.findMany({
        where: { createdAt: { gte: firstFullHour } },
        select: { createdAt: true, apiId: true, versionId: true, consumerTeamId: true, keyId: true, status: true },
      }),
    ])
    type Cell = { apiId: string | null; versionId: string | null; consumer: string | null; keyId: string | null }
    const key = (hour: number, c: Cell, cls: number) =>
      `${hour}|${c.apiId}|${c.versionId}|${c.consumer}|${c.keyId ?? ''}|${cls}`
    const expected = new Map<string, number>()
    for (const r of rollups) {
      const k = key(r.hour.getTime(), { ...r, consumer: r.consumerTeamId }, r.statusClass)
      expected.set(k, (expected.get(k) ?? 0) + r.calls)
    }
    const logged = new Map<string, number>()
    for (const c of calls) {
      const hour = Math.floor(c.createdAt.getTime() / HOUR) * HOUR
      const k = key(hour, { ...c, consumer: c.consumerTeamId }, Math.floor(c.status / 100))
      logged.set(k, (logged.get(k) ?? 0) + 1)
    }
    expect(expected.size).toBeGreaterThan(100)
    expect(Object.fromEntries(logged)).toEqual(Object.fromEntries(expected))
    // The history's calls were made with its consumers' keys, several per team.
    const { api } = await weatherPlan()
    const weatherCalls = calls.filter((c) => c.apiId === api.id)
    expect(new Set(weatherCalls.map((c) => c.keyId)).size).toBe(4)
    expect(weatherCalls.filter((c) => c.keyId === null)).toEqual([])
  })

  test("the demo's calls, refused ones included, use only the operations their version's contract defines", async () => {
    const { api } = await weatherPlan()
    const versions = await db.apiVersion.findMany({ where: { apiId: api.id }, select: { id: true, version: true } })
    const allowed: Record<string, string[]> = {
      v1: ['GET /current', 'GET /forecast'],
      v2: ['GET /current', 'GET /forecast/daily', 'GET /forecast/hourly', 'GET /alerts'],
    }
    for (const v of versions) {
      const used = await db.invocation.groupBy({ by: ['method', 'path'], where: { versionId: v.id } })
      const base = `/gw/acme/weather/${v.version}`
      expect(used.length).toBeGreaterThan(0)
      expect(new Set(used.map((u) => `${u.method} ${u.path.replace(base, '')}`))).toEqual(new Set(allowed[v.version]))
    }
    const refused = await db.invocation.findMany({ where: { apiId: api.id, status: 402 }, select: { path: true } })
    expect(refused.length).toBeGreaterThan(0)
    expect(
      refused.filter((r) => !/\/(current|forecast|forecast\/daily|forecast\/hourly|alerts)$/.test(r.path)),
    ).toEqual([])
  })

  test('every payment incident was announced to its consumer; the OPEN ones are still unread', async () => {
    const incidents = await db.paymentIncident.findMany()
    const slugs = new Map((await db.team.findMany({ select: { id: true, slug: true } })).map((t) => [t.id, t.slug]))
    expect(incidents.some((i) => i.state === 'OPEN')).toBe(true)
    for (const incident of incidents) {
      const notices = await db.notification.findMany({
        where: {
          teamId: incident.consumerTeamId,
          link: `/t/${slugs.get(incident.consumerTeamId)}/incidents/${incident.id}`,
        },
      })
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatchObject({ kind: 'payment_incident.opened', createdAt: incident.firstSeenAt })
      expect(notices[0].readAt === null).toBe(incident.state === 'OPEN')
    }
  })

  test('running it again changes no balance and writes no history', async () => {
    const snapshot = async () => ({
      accounts: await db.billingAccount.findMany({
        select: { teamId: true, balanceMicros: true, spendMicros: true },
        orderBy: { teamId: 'asc' },
      }),
      ledger: await db.ledgerEntry.count(),
      usage: await db.usageRollup.count(),
      latency: await db.latencyRollup.count(),
      payments: await db.paymentRollup.count(),
      incidents: await db.paymentIncident.count(),
      calls: await db.invocation.count(),
      quota: await db.subscriptionUsage.findMany({
        select: { subscriptionId: true, month: true, calls: true },
        orderBy: [{ subscriptionId: 'asc' }, { month: 'asc' }],
      }),
    })
    const before = await snapshot()
    // A later run (an hour on) must not add another month of history either.
    const again = await runSeed(db, { ...config, now: new Date(config.now.getTime() + 3_600_000) })
    expect(again.counter.total).toBe(0)
    expect(await snapshot()).toEqual(before)
  })
})

describe('SEED_API_KEY_INITECH', () => {
  test.each([
    [
      'no tg_ prefix',
      { SEED_API_KEY_INITECH: 'sk_live_0123456789abcdef' },
      /SEED_API_KEY_INITECH must start with "tg_"/,
    ],
    ['upper case', { SEED_API_KEY_INITECH: 'tg_live_0123456789ABCDEF' }, /SEED_API_KEY_INITECH must look like/],
    [
      'the same value as SEED_API_KEY',
      { SEED_API_KEY: 'tg_live_0123456789abcdef', SEED_API_KEY_INITECH: 'tg_live_0123456789abcdef' },
      /must be different/,
    ],
  ])('is refused loudly with %s', (_label, env, message) => {
    expect(() => readSeedConfig(env)).toThrow(message)
  })
})
