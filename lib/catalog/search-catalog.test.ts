import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { listCatalogFacets } from './list-catalog-facets'
import { searchCatalog } from './search-catalog'
import { seedCatalogFixture, type CatalogFixture } from './testing/seed-catalog-fixture'

let fx: CatalogFixture
let cleanup: () => Promise<void>

beforeAll(async () => {
  const database = await setupTestDatabase()
  cleanup = database.cleanup
  fx = await seedCatalogFixture()
})
afterAll(async () => cleanup?.())

const asViewer = () => ({ teamIds: [fx.teams.viewer.id] })
/** Search restricted to this run's fixture rows (their descriptions all contain fx.unique). */
const search = (params: Record<string, string | string[] | undefined> = {}, viewer = asViewer()) =>
  searchCatalog(viewer, { ...params, q: `${fx.unique} ${params.q ?? ''}` })
const names = (page: Awaited<ReturnType<typeof searchCatalog>>) => page.items.map((i) => i.name)

describe('search', () => {
  test.each([
    ['a word of the name', 'payments', ['Payments Gateway']],
    ['a word of the description', 'invoices', ['Chat Assistant']],
    ['a tag', 'llm', ['Chat Assistant', 'Prompt Summarizer']],
    ['upper case', 'PAYMENTS', ['Payments Gateway']],
    ['every term must match', 'money refunds', ['Payments Gateway']],
    ['terms in any order and field', 'export money', ['Ledger Export']],
    ['a term nothing has', 'payments llm', []],
    [
      'a % as a LIKE wildcard (Prisma cannot escape it), the same on both databases',
      'journal%coverage',
      ['Ledger Export'],
    ],
    ['a _ as a single-character wildcard', 'p_yments', ['Payments Gateway']],
    ['a backslash as a separator, not an escape', 'card\\refunds', ['Payments Gateway']],
  ])('matches %s', async (_label, q, expected) => {
    expect(names(await search({ q }))).toEqual(expected)
  })

  test('a search of only separators matches like no search', async () => {
    expect((await search({ q: '  \\  ' })).total).toBe((await search({})).total)
  })

  test('lists only PUBLISHED and DEPRECATED APIs: drafts and retired ones never appear', async () => {
    const page = await search({ team: fx.teams.ai.slug })
    expect(names(page)).toEqual(['Chat Assistant', 'Prompt Summarizer'])
    expect(names(await search({ q: 'unreleased' }))).toEqual([])
    expect(names(await search({ q: 'gone' }))).toEqual([])
    // Not even the owning team sees its own draft-only API in the catalog list.
    expect(names(await search({ team: fx.teams.viewer.slug }))).toEqual(['Own Private Tooling'])
  })

  test('shows the latest version label: newest PUBLISHED, else newest DEPRECATED, never a draft', async () => {
    const page = await search({ q: 'summaries' })
    expect(page.items[0].latestVersion).toBe('v2')
    const payments = await search({ q: 'payments' })
    expect(payments.items[0].latestVersion).toBe('v1')
    const ledger = await search({ q: 'ledger' })
    expect(ledger.items[0]).toMatchObject({
      latestVersion: 'v2',
      state: 'DEPRECATED',
      tags: ['money'],
      team: { slug: fx.teams.other.slug },
    })
  })
})

describe('visibility', () => {
  test("another team's PRIVATE API is invisible, the viewer's own PRIVATE API is listed and marked", async () => {
    const page = await search({ q: 'salaries' })
    expect(page.total).toBe(0)
    const own = await search({ q: 'hooks' })
    expect(own.items.map((i) => [i.name, i.visibility])).toEqual([['Own Private Tooling', 'PRIVATE']])
  })

  test("the owning team's members see their PRIVATE API", async () => {
    const page = await search({ q: 'salaries' }, { teamIds: [fx.teams.other.id] })
    expect(names(page)).toEqual(['Secret Payroll'])
  })

  test('a user in no team sees INTERNAL APIs only', async () => {
    const page = await search({ q: '' }, { teamIds: [] })
    expect(page.items.every((i) => i.visibility === 'INTERNAL')).toBe(true)
    expect(page.total).toBe(4 + 23)
  })
})

describe('filters', () => {
  test.each([
    ['team', { team: 'other' }, ['Ledger Export', 'Payments Gateway']],
    ['tag', { tag: 'money' }, ['Ledger Export', 'Payments Gateway']],
    ['kind AI_CHAT', { kind: 'AI_CHAT' }, ['Chat Assistant']],
    ['kind AI_PROMPT', { kind: 'AI_PROMPT' }, ['Prompt Summarizer']],
    ['state DEPRECATED', { state: 'DEPRECATED' }, ['Ledger Export']],
    ['tag and kind together', { tag: 'llm', kind: 'AI_PROMPT' }, ['Prompt Summarizer']],
    ['team and search together', { team: 'ai', q: 'invoices' }, ['Chat Assistant']],
    ['a tag of a PRIVATE API of another team', { tag: 'confidential' }, []],
  ])('%s', async (_label, params: Record<string, string>, expected) => {
    const resolved = { ...params, ...(params.team ? { team: fx.teams[params.team as 'other' | 'ai'].slug } : {}) }
    expect(names(await search(resolved))).toEqual(expected)
  })

  test('state PUBLISHED excludes deprecated APIs', async () => {
    const page = await search({ state: 'PUBLISHED', team: fx.teams.other.slug })
    expect(names(page)).toEqual(['Payments Gateway'])
  })
})

describe('pagination and sorting', () => {
  test('pages of 20 with the total count', async () => {
    const first = await search({ team: fx.teams.bulk.slug })
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2, pageSize: 20 })
    expect(first.items).toHaveLength(20)
    expect(first.items[0].name).toBe('Bulk 01')
    const second = await search({ team: fx.teams.bulk.slug, page: '2' })
    expect(names(second)).toEqual(['Bulk 21', 'Bulk 22', 'Bulk 23'])
    expect(second.total).toBe(23)
  })

  test('a page past the end lands on the last page', async () => {
    const page = await search({ team: fx.teams.bulk.slug, page: '9' })
    expect(page.page).toBe(2)
    expect(page.query.page).toBe(2)
    expect(names(page)).toEqual(['Bulk 21', 'Bulk 22', 'Bulk 23'])
  })

  test('sorts by name by default and by most recently updated on request', async () => {
    const byName = await search({ team: fx.teams.bulk.slug })
    expect(names(byName).slice(0, 3)).toEqual(['Bulk 01', 'Bulk 02', 'Bulk 03'])
    const byUpdated = await search({ team: fx.teams.bulk.slug, sort: 'updated' })
    expect(names(byUpdated).slice(0, 3)).toEqual(['Bulk 23', 'Bulk 22', 'Bulk 21'])
  })
})

describe('bad params fall back to defaults instead of failing', () => {
  test.each([
    ['a negative page', { page: '-3' }, { page: 1 }],
    ['a page that is not a number', { page: 'abc' }, { page: 1 }],
    ['a fractional page', { page: '1.5' }, { page: 1 }],
    ['an unknown kind', { kind: 'SOAP' }, { kind: undefined }],
    ['DRAFT as state', { state: 'DRAFT' }, { state: undefined }],
    ['RETIRED as state', { state: 'RETIRED' }, { state: undefined }],
    ['an unknown sort', { sort: 'popularity' }, { sort: 'name' }],
    ['an empty team', { team: '' }, { team: undefined }],
    ['a repeated param', { kind: ['AI_CHAT', 'REST'] }, { kind: 'AI_CHAT' }],
  ])('%s', async (_label, params: Record<string, string | string[]>, expected) => {
    const page = await search(params)
    expect(page.query).toMatchObject(expected)
    expect(page.items.every((i) => i.state === 'PUBLISHED' || i.state === 'DEPRECATED')).toBe(true)
    expect(page.total).toBeGreaterThan(0)
  })

  test('params that are not an object at all give the first page of everything', async () => {
    const page = await searchCatalog(asViewer(), undefined)
    expect(page.query).toEqual({ q: '', sort: 'name', page: 1 })
    expect(page.total).toBeGreaterThanOrEqual(28)
  })
})

describe('facets', () => {
  test('lists teams and tags that have listed APIs for this viewer', async () => {
    const facets = await listCatalogFacets(asViewer())
    const slugs = facets.teams.map((t) => t.slug)
    expect(slugs).toEqual(
      expect.arrayContaining([fx.teams.viewer.slug, fx.teams.other.slug, fx.teams.ai.slug, fx.teams.bulk.slug]),
    )
    // A team whose only API is PRIVATE is not offered to outsiders, nor are tags of hidden APIs.
    expect(slugs).not.toContain(fx.teams.hidden.slug)
    expect(facets.tags).toEqual(expect.arrayContaining(['billing', 'llm', 'money', 'ops', 'text']))
    for (const tag of ['confidential', 'vault-tag', 'draft-tag', 'retired-tag']) expect(facets.tags).not.toContain(tag)
    expect(facets.tags).toEqual([...facets.tags].sort())
  })

  test("the owning team sees its PRIVATE API's tags", async () => {
    const facets = await listCatalogFacets({ teamIds: [fx.teams.other.id] })
    expect(facets.tags).toContain('confidential')
  })
})
