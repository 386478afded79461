import { expect, test, type Page } from '@playwright/test'
import { consolePages, DEMO_PASSWORD, settle } from './fixtures/console-pages'
import { shot, signIn } from './fixtures/sign-in'

// Dark mode follows the system setting, and a toggle in the sidebar overrides it (a cookie, so the
// server renders the next page in it too).

test.describe.configure({ timeout: 300_000 })

/** Relative luminance of a computed CSS colour, read back by the browser as rgb()/oklch(). */
async function luminanceOf(page: Page, selector: string, property: 'backgroundColor' | 'color') {
  return page.evaluate(
    ([selector, property]) => {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 1
      const ctx = canvas.getContext('2d')!
      const value = getComputedStyle(document.querySelector(selector)!)[property as 'color']
      ctx.fillStyle = value
      ctx.fillRect(0, 0, 1, 1)
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    },
    [selector, property],
  )
}

test('[DARK] with a dark system setting every console page renders dark, its text light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  const light: string[] = []
  for (const [name, path] of await consolePages(page)) {
    await page.goto(path)
    await settle(page)
    const background = await luminanceOf(page, 'body', 'backgroundColor')
    const heading = await luminanceOf(page, 'main h1', 'color')
    if (background > 0.2 || heading < 0.7) light.push(`${path}: background ${background}, heading ${heading}`)
    await shot(page, `dark-${name}`)
  }
  expect(light).toEqual([])
})

test('[DARK] the toggle overrides the system and is remembered across pages', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/errors')
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeGreaterThan(0.9)
  const scheme = page.getByRole('group', { name: 'Colour scheme' })
  await scheme.getByRole('button', { name: 'Dark' }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeLessThan(0.2)
  await page.goto('/t/acme/billing')
  await expect(page.locator('html')).toHaveClass(/dark/)
  await expect(scheme.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true')
  await shot(page, 'dark-toggle-billing')
  // Light wins over a dark system; System hands the choice back.
  await page.emulateMedia({ colorScheme: 'dark' })
  await scheme.getByRole('button', { name: 'Light' }).click()
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeGreaterThan(0.9)
  await scheme.getByRole('button', { name: 'System' }).click()
  await page.reload()
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeLessThan(0.2)
})
