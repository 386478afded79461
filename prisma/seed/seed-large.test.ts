import { validate } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSearchText } from '@/lib/apis/search-text'
import { db } from '@/lib/db'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { runSeedLarge, type LargeSeedContext } from './seed-large'

// The same code path as `npm run seed:large`, scaled down to 3 teams × 20 APIs and 1,500 calls.
const SMALL = { teams: 3, apisPerTeam: 20, teamsPerChunk: 2, invocations: 1_500 }
let cleanup: () => Promise<void>
let first: LargeSeedContext

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  first = await runSeedLarge(db, SMALL)
})
afterAll(async () => cleanup?.())

describe('large seed', () => {
  test('creates INTERNAL, published APIs with a plan, tags, history and consistent search text', async () => {
    const apis = await db.api.findMany({ include: { versions: true, plans: true, tags: true, events: true } })
    expect(apis).toHaveLength(60)
    expect(first.written).toBeGreaterThanOrEqual(60)
    for (const api of apis) {
      expect([api.visibility, api.state, api.kind]).toEqual(['INTERNAL', 'PUBLISHED', 'REST'])
      expect(api.versions.map((v) => [v.version, v.state])).toEqual([['v1', 'PUBLISHED']])
      expect(api.plans.map((p) => p.approval)).toEqual(api.plans.length === 2 ? ['AUTO', 'AUTO'] : ['AUTO'])
      expect(api.events.map((e) => e.action).sort()).toEqual(['create', 'publish'])
      // Tag order in the text does not matter to search; every word must simply be there.
      expect(api.searchText.startsWith(buildSearchText(api.name, api.description, []))).toBe(true)
      for (const { tag } of api.tags) expect(api.searchText.split(' ')).toContain(tag)
    }
    expect((await validate(JSON.parse(apis[0].versions[0].openapi))).valid).toBe(true)
  })

  test('slugs are unique per team and every team has an owner and a billing account', async () => {
    const teams = await db.team.findMany({
      include: { apis: { select: { slug: true } }, memberships: true, billingAccount: true },
    })
    expect(teams).toHaveLength(3)
    for (const team of teams) {
      expect(new Set(team.apis.map((a) => a.slug)).size).toBe(20)
      expect(team.memberships.map((m) => m.role)).toEqual(['OWNER'])
      expect(team.billingAccount).not.toBeNull()
    }
  })

  test('writes the call log with rollups that add up to it', async () => {
    expect(await db.invocation.count()).toBe(1_500)
    const rollups = await db.usageRollup.aggregate({ _sum: { calls: true } })
    expect(rollups._sum.calls).toBe(1_500)
  })

  test('every fourth API sells calls, and paid successful calls carry their cost in the rollups', async () => {
    const paid = await db.plan.findMany({ where: { paid: true } })
    expect(paid).toHaveLength(15)
    expect(paid.every((p) => p.pricePerCallMicros > 0n && p.freeCallsPerMonth === 1_000)).toBe(true)
    const cost = await db.usageRollup.aggregate({ where: { statusClass: { in: [2, 3] } }, _sum: { costMicros: true } })
    expect(cost._sum.costMicros).toBeGreaterThan(0n)
    expect(await db.usageRollup.count({ where: { statusClass: { gte: 4 }, costMicros: { not: 0n } } })).toBe(0)
  })

  test('402s come in episodes: each is an incident, and the 402 rollups add up to the refused calls', async () => {
    const refused = await db.invocation.findMany({
      where: { status: 402 },
      select: { incidentId: true, errorCode: true, costMicros: true },
    })
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.length).toBeLessThan(1_500 * 0.05)
    const incidents = await db.paymentIncident.findMany()
    const byId = new Map(incidents.map((i) => [i.id, i]))
    for (const call of refused) {
      expect(byId.get(call.incidentId!)?.cause).toBe(call.errorCode)
      expect(call.costMicros).toBe(0n)
    }
    expect(incidents.reduce((sum, i) => sum + i.blockedCalls, 0)).toBe(refused.length)
    const rollups = await db.paymentRollup.aggregate({ _sum: { blockedCalls: true } })
    expect(rollups._sum.blockedCalls).toBe(refused.length)
    const usage = await db.usageRollup.aggregate({ _sum: { blocked402: true } })
    expect(usage._sum.blocked402).toBe(refused.length)
  })

  test('running it again adds nothing', async () => {
    const incidentsAfterFirstRun = await db.paymentIncident.count()
    const again = await runSeedLarge(db, SMALL)
    expect(again.written).toBe(0)
    expect(await db.api.count()).toBe(60)
    expect(await db.invocation.count()).toBe(1_500)
    expect(await db.paymentIncident.count()).toBe(incidentsAfterFirstRun)
    expect(await db.team.count()).toBe(3)
  })
})
