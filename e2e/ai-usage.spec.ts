import { expect, test } from '@playwright/test'
import { shot, signIn } from './fixtures/sign-in'

// The AI usage dashboard on the demo's four weeks of globex → acme/assistant traffic: the owner
// sees its consumers, models and providers; a number drills into exactly the calls behind it;
// the consumer sees its own calls by default; and the page works on a phone.

const DEMO_PASSWORD = process.env.SEED_PASSWORD || 'tollgate-demo'

test('[AI] the owner sees four weeks of AI usage and a provider row opens the calls it served', async ({ page }) => {
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/ai')
  await page.getByRole('link', { name: 'AI usage' }).first().click()
  await expect(page).toHaveURL(/\/t\/acme\/ai\/usage$/)
  await expect(page.getByRole('heading', { name: 'AI usage' })).toBeVisible()
  // Only the page's own link is lit: /ai/usage is under /ai, but "AI models" is another page.
  const sidebar = page.getByRole('navigation', { name: 'Main' })
  await expect(sidebar.getByRole('link', { name: 'AI usage' })).toHaveAttribute('aria-current', 'page')
  await expect(sidebar.getByRole('link', { name: 'AI models' })).not.toHaveAttribute('aria-current', 'page')
  await page.getByRole('navigation', { name: 'Time range' }).getByRole('link', { name: '30 d' }).click()
  await expect(page).toHaveURL(/range=30d/)

  const calls = page.locator('[data-summary="AI calls"]')
  await expect(calls).not.toContainText(/^AI calls0$/)
  expect(Number((await calls.locator('dd').first().innerText()).replace(/,/g, ''))).toBeGreaterThan(500)
  await expect(page.getByRole('figure', { name: 'AI cost over time by model' })).toBeVisible()
  await expect(page.locator('[data-party-row="Globex"]')).toBeVisible()
  const byProvider = page.locator('section[aria-labelledby="latency-by-provider-heading"]')
  await expect(byProvider.locator('[data-latency-row="demo-claude"]')).toContainText('Demo (Anthropic format)')
  await shot(page, 'ai-usage-owner')

  // A model's latency row counts the calls a provider served: its count opens exactly those,
  // never the calls refused before any provider call, and the filter shows as a removable chip.
  const modelRow = page.locator('section[aria-labelledby="latency-by-model-heading"] [data-latency-row]').first()
  const modelCalls = Number((await modelRow.locator('td').nth(1).innerText()).replace(/,/g, ''))
  await modelRow.locator('td').nth(1).getByRole('link').click()
  await expect(page).toHaveURL(/\/t\/acme\/calls\?.*model=.*ai=served/)
  await expect(page.locator('tr[data-call]').first()).toBeVisible()
  expect(await page.locator('tr[data-call]').count()).toBe(Math.min(modelCalls, 50))
  await page.getByRole('link', { name: 'Remove filter: AI calls a provider served' }).click()
  await expect(page).not.toHaveURL(/ai=served/)
  await expect(page).toHaveURL(/model=/)
  await page.goBack()
  await page.goBack()

  // The provider share row for demo-claude: its call count opens exactly the calls it served.
  const row = page.locator('[data-provider-row="demo-claude"]')
  const served = Number((await row.locator('td').nth(1).innerText()).replace(/,/g, ''))
  expect(served).toBeGreaterThan(0)
  await row.locator('td').nth(1).getByRole('link').click()
  await expect(page).toHaveURL(/\/t\/acme\/calls\?.*provider=demo-claude/)
  await expect(page.getByText('Served by demo-claude')).toBeVisible()
  const listed = page.locator('tr[data-call]')
  await expect(listed.first()).toBeVisible()
  const count = await listed.count()
  expect(count).toBe(Math.min(served, 50))
  for (let i = 0; i < Math.min(count, 10); i++) {
    const text = await listed.nth(i).innerText()
    // Asked for demo-claude, or asked for demo-gpt and served by demo-claude after a fallback.
    expect(text.includes('via demo-claude') || /demo-claude/.test(text)).toBe(true)
  }
})

test('[AI] a consumer sees its own AI calls and the fallback tile lists only fallbacks, at 390 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, 'owner@globex.test', DEMO_PASSWORD)
  await page.goto('/t/globex/ai/usage?range=30d')
  // globex owns no AI API: the page opens on its own calls.
  await expect(
    page.getByRole('navigation', { name: 'Whose calls' }).getByRole('link', { name: 'Our AI calls' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(page.locator('[data-party-row="acme/assistant"]')).toBeVisible()
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(390)
  await shot(page, 'ai-usage-consumer-phone')

  const tile = page.locator('[data-summary="Served by a fallback"]')
  const fallbacks = Number((await tile.locator('dd').first().innerText()).replace(/,/g, ''))
  expect(fallbacks).toBeGreaterThan(0)
  await tile.click()
  await expect(page).toHaveURL(/\/t\/globex\/calls\?.*attempts=fallback/)
  await expect(page.getByRole('link', { name: 'Remove filter: Served by a fallback' })).toBeVisible()
  const listed = page.locator('tr[data-call]')
  await expect(listed.first()).toBeVisible()
  expect(await listed.count()).toBe(Math.min(fallbacks, 50))
  // A fallback is served by the other model: every row says "via …".
  for (let i = 0; i < Math.min(await listed.count(), 10); i++) await expect(listed.nth(i)).toContainText('via demo-')
  // The AI filters are chips like the others: removing one keeps the rest.
  await expect(page.getByRole('link', { name: 'Remove filter: AI calls that reached a provider' })).toBeVisible()
  await page.getByRole('link', { name: 'Remove filter: Served by a fallback' }).click()
  await expect(page).not.toHaveURL(/attempts=/)
  await expect(page).toHaveURL(/ai=reached/)
  await expect(page.getByRole('link', { name: 'Remove filter: Served by a fallback' })).toHaveCount(0)
})

test('[AI] a custom range narrows every figure, compares with the period before, and a reversed one is a field error', async ({
  page,
}) => {
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/ai/usage?range=30d')
  const total = Number((await page.locator('[data-summary="AI calls"] dd').first().innerText()).replace(/,/g, ''))
  // The last three days, typed as <input type="datetime-local"> sends them (UTC).
  const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000)
  const from = new Date(to.getTime() - 3 * 86_400_000)
  const local = (d: Date) => d.toISOString().slice(0, 16)
  const form = page.getByRole('form', { name: 'Date range and filters' })
  await form.getByLabel('From (UTC)').fill(local(from))
  await form.getByLabel('To (UTC)').fill(local(to))
  await form.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/range=custom/)
  const tile = page.locator('[data-summary="AI calls"]')
  const calls = Number((await tile.locator('dd').first().innerText()).replace(/,/g, ''))
  expect(calls).toBeGreaterThan(0)
  expect(calls).toBeLessThan(total)
  await expect(tile).toContainText('previous period')
  // No preset is lit, and the tile opens the call log over exactly the picked hours.
  await expect(page.getByRole('navigation', { name: 'Time range' }).locator('[aria-current="page"]')).toHaveCount(0)
  const href = new URL((await tile.getAttribute('href'))!, 'http://x')
  expect(href.searchParams.get('from')).toBe(from.toISOString())
  expect(href.searchParams.get('to')).toBe(to.toISOString())
  await shot(page, 'ai-usage-custom-range')

  await form.getByLabel('From (UTC)').fill(local(to))
  await form.getByLabel('To (UTC)').fill(local(from))
  await form.getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('[data-field-error="to"]')).toHaveText('The end must be after the start.')
  await expect(form.getByLabel('To (UTC)')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByLabel('From (UTC)')).toHaveValue(local(to))
  await shot(page, 'ai-usage-range-error')
})
