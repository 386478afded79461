import { expect, test, type Page } from '@playwright/test'
import { buildSearchText } from '../lib/apis/search-text'
import { publishConfigChange } from '../lib/config-events/publish-config-change'
import { createId } from '../lib/ids'
import { callGateway, seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// Ctrl-K from a team page and from the catalog (outside any team, where it searches all of the
// user's teams): an API by name, a call by its request id, and nothing at all of a team the user
// is not in (its private API, its call).

async function openSearch(page: Page, query: string) {
  const box = page.getByRole('combobox', { name: /Search APIs/ })
  // Until the page has hydrated, nothing listens for the shortcut yet: press it again.
  await expect(async () => {
    await page.keyboard.press('Control+k')
    await expect(box).toBeFocused({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await box.fill(query)
  return box
}

test('[SEARCH] Ctrl-K finds an API and a call by request id, and nothing of another team', async ({ page }) => {
  // Two parts (a team page, then the catalog) on a shared 2-core machine.
  test.setTimeout(150_000)
  const owner = await seedTeam('search-owner')
  const consumer = await seedTeam('search-consumer')
  const other = await seedTeam('search-other')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  const key = await seedKey(consumer, 'search key')
  // Another team's private API and one of its own calls: never to be found by the consumer.
  const db = e2eDb()
  const secretName = `Secret ledger ${other.slug}`
  await db.api.create({
    data: {
      id: createId('api'),
      teamId: other.id,
      slug: 'secret-ledger',
      name: secretName,
      visibility: 'PRIVATE',
      state: 'PUBLISHED',
      searchText: buildSearchText(secretName, '', []),
    },
  })
  const otherRequestId = `req-other-${other.slug}`
  await db.invocation.create({
    data: {
      id: createId('inv'),
      requestId: otherRequestId,
      ownerTeamId: other.id,
      consumerTeamId: other.id,
      method: 'GET',
      path: '/gw/x/y/v1',
      status: 200,
      latencyMs: 1,
    },
  })
  await publishConfigChange(db)
  let requestId = ''
  await expect(async () => {
    const res = await fetch(`${api.gatewayUrl}/hello`, { headers: { authorization: `Bearer ${key.value}` } })
    expect(res.status).toBe(200)
    requestId = res.headers.get('x-request-id') ?? ''
  }).toPass({ timeout: 15_000 })
  await expect.poll(() => db.invocation.count({ where: { requestId } })).toBe(1)
  expect((await callGateway(`${api.gatewayUrl}/hello`, key.value)).status).toBe(200)

  await signIn(page, consumer.users.MEMBER.email)
  await page.goto(`/t/${consumer.slug}/calls`)

  // An API by name: the consumer finds it in the catalog.
  await openSearch(page, api.name)
  const apiHit = page.locator('[data-search-hit="api"]', { hasText: api.name })
  await expect(apiHit).toBeVisible()
  await shot(page, 'search-api')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/catalog/${owner.slug}/${api.slug}$`))
  // From a team page it searches from the team the user is in.
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/calls$`))

  // A call by request id.
  await openSearch(page, requestId)
  const callHit = page.locator('[data-search-hit="call"]', { hasText: requestId })
  await expect(callHit).toContainText('GET')
  await shot(page, 'search-call')
  await callHit.click()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/calls/inv_`))
  await expect(page.locator('[data-request-id]')).toHaveText(requestId)

  // Nothing of another team: not its private API, not its call.
  for (const query of [secretName, otherRequestId]) {
    await openSearch(page, query)
    await expect(page.locator('[data-search-empty]')).toHaveText(`Nothing found for “${query}”.`)
    await expect(page.locator('[data-search-hit]')).toHaveCount(0)
    await page.keyboard.press('Escape')
  }
  await openSearch(page, secretName)
  await expect(page.locator('[data-search-empty]')).toBeVisible()
  await shot(page, 'search-nothing-of-another-team')

  // Outside a team: the catalog page searches all of the user's teams, each hit naming its team.
  await page.goto('/catalog')
  await openSearch(page, api.name)
  // Another team's API is a catalog hit, named by its owner; the user's own things by their team.
  await expect(page.locator('[data-search-hit="api"]', { hasText: api.name })).toContainText(`${owner.name} · catalog`)
  await page.keyboard.press('Escape')
  await openSearch(page, requestId)
  const catalogCallHit = page.locator('[data-search-hit="call"]', { hasText: requestId })
  await expect(catalogCallHit).toContainText(`GET /gw/`)
  await expect(catalogCallHit.locator('[data-search-team]')).toHaveText(consumer.name)
  await expect(catalogCallHit.locator('[data-search-team]')).toBeVisible()
  await shot(page, 'search-catalog-call')
  await catalogCallHit.click()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/calls/inv_`))
  await expect(page.locator('[data-request-id]')).toHaveText(requestId)
  await page.goto('/catalog')
  for (const query of [secretName, otherRequestId]) {
    await openSearch(page, query)
    await expect(page.locator('[data-search-empty]')).toHaveText(`Nothing found for “${query}”.`)
    await expect(page.locator('[data-search-hit]')).toHaveCount(0)
    await page.keyboard.press('Escape')
  }
  // The sidebar's button opens the same search, for those who do not know the shortcut.
  await page.getByRole('button', { name: 'Jump to… Ctrl K' }).click()
  await expect(page.getByRole('combobox', { name: /Search APIs/ })).toBeFocused()
  await shot(page, 'search-catalog')
})
