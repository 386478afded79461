import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getCatalogApi } from './get-catalog-api'
import { readContractIndex } from './read-contract-index'
import { seedCatalogFixture, type CatalogFixture } from './testing/seed-catalog-fixture'

let fx: CatalogFixture
let cleanup: () => Promise<void>

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  fx = await seedCatalogFixture()
})
afterAll(async () => cleanup?.())

const outsider = () => ({ teamIds: [fx.teams.viewer.id] })
const owner = () => ({ teamIds: [fx.teams.other.id] })
const get = (
  team: 'viewer' | 'other' | 'ai' | 'hidden',
  api: string,
  viewer: { teamIds: string[] },
  version?: string,
) => getCatalogApi(viewer, { team: fx.teams[team].slug, api, version })

describe('visibility', () => {
  test.each([
    ["another team's PRIVATE API", 'other', 'payroll'],
    ["another team's draft-only INTERNAL API", 'ai', 'draft-only'],
    ['an unknown API', 'other', 'nope'],
    ['an API under the wrong team', 'ai', 'payments'],
    ['a PRIVATE API of a team whose only API is private', 'hidden', 'vault'],
  ] as const)('%s is not found (null → 404)', async (_label, team, api) => {
    expect(await get(team, api, outsider())).toBeNull()
  })

  test('an unknown team is not found', async () => {
    expect(await getCatalogApi(outsider(), { team: 'no-such-team', api: 'payments' })).toBeNull()
  })

  test('the owning team sees its PRIVATE API', async () => {
    const detail = await get('other', 'payroll', owner())
    expect(detail?.api).toMatchObject({ name: 'Secret Payroll', visibility: 'PRIVATE' })
    expect(detail?.isOwner).toBe(true)
  })

  test('the owning team sees its draft-only API and its drafts', async () => {
    const detail = await get('ai', 'draft-only', { teamIds: [fx.teams.ai.id] })
    expect(detail?.versions.map((v) => [v.version, v.state])).toEqual([['v1', 'DRAFT']])
    expect(detail?.selected?.version).toBe('v1')
  })
})

describe('what an outsider sees', () => {
  test('the header: owner team, contact email, tags, kind and visibility', async () => {
    const detail = await get('other', 'payments', outsider())
    expect(detail?.api).toMatchObject({
      name: 'Payments Gateway',
      kind: 'REST',
      visibility: 'INTERNAL',
      tags: ['billing', 'money'],
      team: { slug: fx.teams.other.slug, contactEmail: 'other@example.com' },
    })
    expect(detail?.isOwner).toBe(false)
  })

  test('DRAFT versions and their history are hidden from other teams', async () => {
    const detail = await get('other', 'payments', outsider())
    expect(detail?.versions.map((v) => v.version)).toEqual(['v1'])
    expect(detail?.events).toHaveLength(1)
    expect(detail?.events[0].version?.version).toBe('v1')
    const asOwner = await get('other', 'payments', owner())
    expect(asOwner?.versions.map((v) => v.version)).toEqual(['v2', 'v1'])
    expect(asOwner?.events).toHaveLength(2)
  })

  test('asking for a draft by label falls back to the default version', async () => {
    const detail = await get('other', 'payments', outsider(), 'v2')
    expect(detail?.selected?.version).toBe('v1')
  })

  test("the selected version's index is loaded, never its OpenAPI text", async () => {
    const detail = await get('other', 'payments', outsider())
    expect(detail!.selected).not.toHaveProperty('openapi')
    const index = await readContractIndex(detail!.selected!)
    expect(index?.info.openapi).toBe('3.0.3')
    expect(index?.info.title).toBeTruthy()
  })
})

describe('version selection', () => {
  test.each([
    [
      'newest PUBLISHED by default, not a newer draft or an older retired one',
      'summarizer',
      undefined,
      'v2',
      'PUBLISHED',
    ],
    ['newest DEPRECATED when nothing is published', 'ledger', undefined, 'v2', 'DEPRECATED'],
    ['the one asked for with ?version=', 'ledger', 'v1', 'v1', 'DEPRECATED'],
    ['a RETIRED one when asked for', 'summarizer', 'v1', 'v1', 'RETIRED'],
    ['the default for an unknown label', 'summarizer', 'v99', 'v2', 'PUBLISHED'],
  ] as const)('%s', async (_label, api, version, expected, state) => {
    const team = api === 'ledger' ? 'other' : 'ai'
    const detail = await get(team, api, outsider(), version)
    expect(detail?.selected).toMatchObject({ version: expected, state })
  })

  test('a deprecated version carries its sunset date and successor', async () => {
    const detail = await get('other', 'ledger', outsider(), 'v1')
    expect(detail?.selected?.sunsetAt?.toISOString()).toBe('2030-01-01T00:00:00.000Z')
    expect(detail?.selected?.successor?.version).toBe('v2')
  })

  test('an API whose versions are all retired still opens, on its retired version', async () => {
    const detail = await get('ai', 'retired', outsider())
    expect(detail?.selected).toMatchObject({ version: 'v1', state: 'RETIRED' })
  })
})

describe('plans', () => {
  test('lists active plans with their rate limit and approval mode, not archived ones', async () => {
    const api = fx.apis.chat
    const base = { apiId: api.id, teamId: fx.teams.ai.id }
    await db.plan.create({ data: { ...base, id: createId('plan'), name: 'Free', rateLimit: 60, approval: 'AUTO' } })
    await db.plan.create({
      data: {
        ...base,
        id: createId('plan'),
        name: 'Pro',
        rateLimit: 600,
        approval: 'MANUAL',
        paid: true,
        pricePerCallMicros: 1000n,
      },
    })
    await db.plan.create({ data: { ...base, id: createId('plan'), name: 'Legacy', archivedAt: new Date() } })
    const detail = await get('ai', 'chat', outsider())
    expect(detail?.plans.map((p) => [p.name, p.rateLimit, p.approval])).toEqual([
      ['Free', 60, 'AUTO'],
      ['Pro', 600, 'MANUAL'],
    ])
  })
})
