import { expect, test, type Page } from '@playwright/test'
import { createId } from '../lib/ids'
import { buildSearchText } from '../lib/apis/search-text'
import { e2eDb, seedTeam, type SeededTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

type SeedApi = {
  name: string
  tags: string[]
  kind?: 'REST' | 'AI_CHAT' | 'AI_PROMPT'
  state?: 'PUBLISHED' | 'DEPRECATED' | 'DRAFT'
  visibility?: 'INTERNAL' | 'PRIVATE'
}

/** Catalog entries straight into the database: the catalog lists by the API's own state and tags. */
async function seedApis(team: SeededTeam, apis: SeedApi[]) {
  const db = e2eDb()
  for (const [index, api] of apis.entries()) {
    const slug = `${api.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${index}`
    await db.api.create({
      data: {
        id: createId('api'),
        teamId: team.id,
        slug,
        name: api.name,
        description: `Seeded for the catalog spec (${team.slug}).`,
        kind: api.kind ?? 'REST',
        visibility: api.visibility ?? 'INTERNAL',
        state: api.state ?? 'PUBLISHED',
        searchText: buildSearchText(api.name, `Seeded for the catalog spec (${team.slug}).`, api.tags),
        tags: { create: api.tags.map((tag) => ({ id: createId('tag'), tag })) },
      },
    })
  }
}

const cards = (page: Page) => page.getByRole('list', { name: 'APIs' }).getByRole('listitem')
const filters = (page: Page) => page.getByRole('search', { name: 'Search the catalog' })

async function applyFilters(page: Page, choices: Partial<Record<'Team' | 'Tag' | 'Kind' | 'State', string>>) {
  for (const [label, value] of Object.entries(choices)) await filters(page).getByLabel(label).selectOption(value)
  await filters(page).getByRole('button', { name: 'Search' }).click()
}

test('[CATALOG] team, tag, kind and state filters narrow the results', async ({ page }) => {
  const owner = await seedTeam('catfilter')
  const other = await seedTeam('catother')
  const viewer = await seedTeam('catviewer')
  const tag = `mix-${owner.slug.split('-').pop()}`
  await seedApis(owner, [
    { name: `Fleet telemetry ${owner.slug}`, tags: [tag] },
    { name: `Route planner ${owner.slug}`, tags: [tag], kind: 'AI_CHAT' },
    { name: `Legacy depots ${owner.slug}`, tags: [tag], state: 'DEPRECATED' },
    { name: `Unreleased docks ${owner.slug}`, tags: [tag], state: 'DRAFT' },
    { name: `Secret yard ${owner.slug}`, tags: [tag], visibility: 'PRIVATE' },
  ])
  await seedApis(other, [{ name: `Customs forms ${other.slug}`, tags: [tag] }])

  await signIn(page, viewer.users.MEMBER.email)
  await page.goto('/catalog')
  await applyFilters(page, { Tag: tag })
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`))
  // Drafts and another team's private API are never listed.
  await expect(cards(page)).toHaveCount(4)
  await expect(page.getByText('4 results')).toBeVisible()
  await expect(cards(page).filter({ hasText: 'Unreleased docks' })).toHaveCount(0)
  await expect(cards(page).filter({ hasText: 'Secret yard' })).toHaveCount(0)

  await applyFilters(page, { Team: owner.slug })
  await expect(cards(page)).toHaveCount(3)
  await expect(cards(page).filter({ hasText: 'Customs forms' })).toHaveCount(0)
  await expect(filters(page).getByLabel('Team')).toHaveValue(owner.slug)
  await expect(filters(page).getByLabel('Tag')).toHaveValue(tag)

  await applyFilters(page, { Kind: 'AI_CHAT' })
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page)).toContainText(`Route planner ${owner.slug}`)
  await expect(cards(page)).toContainText('AI chat')

  await applyFilters(page, { Kind: '', State: 'DEPRECATED' })
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page)).toContainText(`Legacy depots ${owner.slug}`)
  await expect(cards(page)).toContainText('Deprecated')

  await applyFilters(page, { State: 'PUBLISHED' })
  await expect(cards(page)).toHaveCount(2)
  await expect(cards(page).filter({ hasText: 'Deprecated' })).toHaveCount(0)
})

test('[CATALOG] 25 matching APIs are split into pages of 20 and 5', async ({ page }) => {
  const team = await seedTeam('catpages')
  const tag = `bulk-${team.slug.split('-').pop()}`
  await seedApis(
    team,
    Array.from({ length: 25 }, (_, i) => ({
      name: `Bulk ${String(i + 1).padStart(2, '0')} ${team.slug}`,
      tags: [tag],
    })),
  )

  await signIn(page, team.users.VIEWER.email)
  await page.goto('/catalog')
  await applyFilters(page, { Tag: tag })
  const pagination = page.getByRole('navigation', { name: 'Pagination' })
  await expect(cards(page)).toHaveCount(20)
  await expect(pagination).toContainText('Page 1 of 2 · 25 results')
  await expect(cards(page).first()).toContainText(`Bulk 01 ${team.slug}`)
  await expect(pagination.getByRole('link', { name: 'Previous' })).toHaveCount(0)
  await shot(page, 'catalog-filtered')

  await pagination.getByRole('link', { name: 'Next' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`))
  await expect(cards(page)).toHaveCount(5)
  await expect(pagination).toContainText('Page 2 of 2 · 25 results')
  await expect(cards(page).first()).toContainText(`Bulk 21 ${team.slug}`)
  await expect(cards(page).last()).toContainText(`Bulk 25 ${team.slug}`)
  await expect(pagination.getByRole('link', { name: 'Next' })).toHaveCount(0)

  await pagination.getByRole('link', { name: 'Previous' }).click()
  await expect(cards(page)).toHaveCount(20)
  await expect(pagination).toContainText('Page 1 of 2')
})

test('[CATALOG] a search that matches nothing shows an empty state naming it', async ({ page }) => {
  const team = await seedTeam('catempty')
  const nonsense = `zyxxyq-${team.slug}`
  await signIn(page, team.users.MEMBER.email)
  await page.goto('/catalog')
  await filters(page).getByLabel('Search', { exact: true }).fill(nonsense)
  await filters(page).getByRole('button', { name: 'Search' }).click()
  await expect(page.getByText(`No APIs match “${nonsense}”`)).toBeVisible()
  await expect(page.getByRole('list', { name: 'APIs' })).toHaveCount(0)

  await page.getByRole('link', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/catalog$/)
  await expect(cards(page).first()).toBeVisible()
})
