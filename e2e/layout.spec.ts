import { expect, test } from '@playwright/test'
import { consolePages, DEMO_PASSWORD, settle } from './fixtures/console-pages'
import { shot, signIn } from './fixtures/sign-in'

// No console page scrolls sideways on a phone (390 px) or a laptop (1440 px): wide tables scroll
// inside their cards. Below 1024 px the sidebar is a drawer behind a menu button.

test.describe.configure({ timeout: 300_000 })

for (const width of [390, 1440]) {
  test(`[LAYOUT] every console page fits ${width} px without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
    const overflowing: string[] = []
    for (const [name, path] of await consolePages(page)) {
      await page.goto(path)
      await settle(page)
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }))
      if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} px`)
      await shot(page, `layout-${width}-${name}`)
    }
    expect(overflowing).toEqual([])
  })
}

test('[LAYOUT] a phone gets the page and a menu button; the drawer opens, navigates and closes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/billing')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav).toBeHidden()
  // The page starts at the left edge: no 240 px sidebar beside it.
  expect((await page.locator('main').boundingBox())!.x).toBe(0)
  const menu = page.getByRole('button', { name: 'Open menu' })
  await menu.click()
  await expect(nav).toBeVisible()
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true')
  await shot(page, 'layout-390-menu-open')
  await nav.getByRole('link', { name: 'Errors & latency' }).click()
  await expect(page).toHaveURL(/\/t\/acme\/errors/)
  await expect(nav).toBeHidden()
  await page.getByRole('button', { name: 'Open menu' }).click()
  await page.keyboard.press('Escape')
  await expect(nav).toBeHidden()
})

test('[LAYOUT] from 1024 px the sidebar stays beside the page, its background as tall as the page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/billing')
  await settle(page)
  await expect(page.getByRole('button', { name: 'Open menu' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  const { sidebar, documentHeight } = await page.evaluate(() => ({
    sidebar: document.getElementById('console-sidebar')!.getBoundingClientRect().height,
    documentHeight: document.documentElement.scrollHeight,
  }))
  expect(documentHeight).toBeGreaterThan(900)
  expect(sidebar).toBe(documentHeight)
})

test('[LAYOUT] page titles name the team, and the console has a favicon', async ({ page }) => {
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/billing')
  await expect(page).toHaveTitle('Billing · acme · Tollgate')
  await page.goto('/t/acme/calls')
  await expect(page).toHaveTitle('Call log · acme · Tollgate')
  await page.goto('/catalog')
  await expect(page).toHaveTitle('Catalog · Tollgate')
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href')
  const res = await page.request.get(icon!)
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('image/svg+xml')
})
