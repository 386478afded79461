import { expect, test } from '@playwright/test'
import { createId } from '../lib/ids'
import { buildSearchText } from '../lib/apis/search-text'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// Another team's slugs and ids, in any URL, must look exactly like something that does not exist.
const TEAM_PAGES = [
  'apis',
  'apis/new',
  'subscriptions',
  'keys',
  'calls',
  'errors',
  'billing',
  'incidents',
  'notifications',
  'settings',
]

test('[TENANCY] every team page of a team you are not in is a 404', async ({ page }) => {
  const victim = await seedTeam('victim')
  const intruder = await seedTeam('intruder')
  await signIn(page, intruder.users.OWNER.email)
  for (const path of TEAM_PAGES) {
    const response = await page.goto(`/t/${victim.slug}/${path}`)
    expect(response?.status(), `/t/${victim.slug}/${path}`).toBe(404)
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  }
})

test("[TENANCY] another team's private API is a 404 everywhere, under either team", async ({ page }) => {
  const victim = await seedTeam('victim')
  const intruder = await seedTeam('intruder')
  const db = e2eDb()
  const apiSlug = `secret-${victim.slug}`
  await db.api.create({
    data: {
      id: createId('api'),
      teamId: victim.id,
      slug: apiSlug,
      name: 'Secret payroll',
      visibility: 'PRIVATE',
      state: 'PUBLISHED',
      searchText: buildSearchText('Secret payroll', 'private', []),
    },
  })
  await signIn(page, intruder.users.OWNER.email)
  for (const url of [
    `/t/${victim.slug}/apis/${apiSlug}`,
    `/t/${intruder.slug}/apis/${apiSlug}`,
    `/catalog/${victim.slug}/${apiSlug}`,
  ]) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(404)
  }
  await page.goto(`/catalog?q=${encodeURIComponent('secret payroll')}`)
  // The empty state repeats the query, so look for the API's card link, not the bare text.
  await expect(page.getByText('No APIs match “secret payroll”')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Secret payroll' })).toHaveCount(0)
})
