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
      expect(api.plans.map((p) => p.approval)).toEqual(['AUTO'])
      expect(api.events.map((e) => e.action).sort()).toEqual(['create', 'publish'])
      // Tag order in the text does not matter to search; every word must simply be there.
      expect(api.searchText.startsWith(buildSearchText(api.name, api.description, []))).toBe(true)
      for (const { tag } of api.tags) expect(api.searchText.split(' ')).toContain(tag)
    }
    expect((await validate(JSON.parse(apis[0].versions[0].openapi))).valid).toBe(true)
  })

  test('slugs are unique per team and every team has an owner and a billing account', async () => {
    const teams = await db.team.findMany({ include: { apis: { select: { slug: true } }, memberships: true, billingAccount: true } })
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

  test('running it again adds nothing', async () => {
    const again = await runSeedLarge(db, SMALL)
    expect(again.written).toBe(0)
    expect(await db.api.count()).toBe(60)
    expect(await db.invocation.count()).toBe(1_500)
    expect(await db.team.count()).toBe(3)
  })
})
