import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from './fixtures/console-pages'
import { e2eDb } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// On the demo data every dashboard number opens the calls behind it: the call log is not empty and
// says how many calls match, and that many is what the tile shows (or, for a bar, what the
// rollups it was drawn from count).

test.describe.configure({ timeout: 300_000 })

const countOf = (text: string) => Number(text.replace(/[^\d]/g, ''))

async function openedCount(page: Page): Promise<number> {
  const counter = page.locator('[data-call-count]')
  await expect(counter, `${page.url()} lists calls`).toBeVisible()
  return Number(await counter.getAttribute('data-call-count'))
}

const DASHBOARDS = [
  { user: 'owner@acme.test', path: '/t/acme/errors' },
  { user: 'owner@globex.test', path: '/t/globex/errors?view=consumer' },
  { user: 'owner@initech.test', path: '/t/initech/errors?view=consumer' },
]

for (const { user, path } of DASHBOARDS) {
  test(`[DRILL] every tile of ${path} opens as many calls as it shows`, async ({ page }) => {
    await signIn(page, user, DEMO_PASSWORD)
    await page.goto(path)
    const tiles = page.locator('a[data-summary]')
    const labels = await tiles.evaluateAll((links) => links.map((a) => a.getAttribute('data-summary')!))
    expect(labels.length).toBeGreaterThan(3)
    for (const [index, label] of labels.entries()) {
      // Each tile from the dashboard as rendered (the first one from the load above).
      if (index > 0) await page.goto(path)
      const tile = page.locator(`a[data-summary="${label}"]`)
      // The error rate is a share; its detail line says how many calls failed ("2 failed; ▲ +4% vs
      // previous period (<0.1%)": the count is the number before "failed", not every digit in it).
      const text = (await tile
        .locator('dd')
        .nth(label === 'Error rate' ? 1 : 0)
        .textContent())!
      const shown = label === 'Error rate' ? text.split(' failed')[0] : text
      await tile.click()
      await expect(page).toHaveURL(/\/calls/)
      if (label === 'p95 latency') {
        expect(await openedCount(page)).toBeGreaterThan(0)
      } else if (countOf(shown) === 0) {
        await expect(page.locator('[data-empty-state]')).toBeVisible()
      } else {
        expect(await openedCount(page), `${label} (${shown})`).toBe(countOf(shown))
      }
    }
    await shot(page, `drill-${path.split('/')[2]}-last-tile`)
  })
}

test('[DRILL] bars of the status-class chart open as many calls as their rollups count', async ({ page }) => {
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await page.goto('/t/acme/errors')
  const acme = await e2eDb().team.findUniqueOrThrow({ where: { slug: 'acme' } })
  const figure = page.getByRole('figure', { name: /Requests by status class/ })
  const bars = figure.locator('.recharts-bar-rectangle path')
  // recharts draws the bars once it has measured its container, after the page's first paint.
  await expect(bars.first()).toBeVisible()
  const total = await bars.count()
  expect(total).toBeGreaterThan(0)
  // Spread over the chart: the first, the last and evenly between (a click is a page load).
  const picks = [...new Set(Array.from({ length: Math.min(8, total) }, (_, i) => Math.round((i * (total - 1)) / 7)))]
  for (const [n, index] of picks.entries()) {
    // Back to the chart as it was drawn: a reload after the hour turns draws other bars.
    if (n > 0) await page.goBack()
    await expect(bars).toHaveCount(total)
    await bars.nth(index).click()
    await expect(page).toHaveURL(/\/calls\?/)
    const params = new URL(page.url()).searchParams
    const statusClass = Number(params.get('status')!.slice(0, 1))
    const rollups = await e2eDb().usageRollup.aggregate({
      _sum: { calls: true },
      where: {
        ownerTeamId: acme.id,
        statusClass,
        hour: { gte: new Date(params.get('from')!), lt: new Date(params.get('to')!) },
      },
    })
    const opened = await openedCount(page)
    expect(opened).toBeGreaterThan(0)
    expect(opened, page.url()).toBe(rollups._sum.calls)
  }
  await shot(page, 'drill-status-class-bar')
})

test('[DRILL] a range before the retention cut-off says its calls were pruned', async ({ page }) => {
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  const from = new Date(Date.now() - 60 * 86_400_000).toISOString()
  const to = new Date(Date.now() - 45 * 86_400_000).toISOString()
  await page.goto(`/t/acme/calls?from=${from}&to=${to}`)
  await expect(page.locator('[data-empty-state]')).toContainText(/Calls before .+ were pruned/)
  await expect(page.locator('[data-empty-state]')).toContainText('keeps each call for 30 days')
  await shot(page, 'drill-pruned-range')
})

/** Clicks bars spread over a chart (the last `within` of them); each must open as many calls as `expected` counts. */
async function drillBars(
  page: Page,
  path: string,
  figureName: RegExp,
  expected: (params: URLSearchParams) => Promise<number>,
  within = Infinity,
) {
  await page.goto(path)
  const bars = page.getByRole('figure', { name: figureName }).locator('.recharts-bar-rectangle path')
  await expect(bars.first()).toBeVisible()
  const total = await bars.count()
  const first = Math.max(0, total - within)
  const picks = [...new Set(Array.from({ length: 6 }, (_, i) => first + Math.round((i * (total - 1 - first)) / 5)))]
  let keyed = 0
  for (const [n, index] of picks.entries()) {
    // Back to the chart as it was drawn: a reload after the hour turns draws other bars.
    if (n > 0) await page.goBack()
    await expect(bars).toHaveCount(total)
    await bars.nth(index).click()
    await expect(page).toHaveURL(/\/calls\?/)
    const params = new URL(page.url()).searchParams
    // "Other keys" has no single key to filter by; every named key's segment must match.
    if (!params.get('key')) continue
    keyed++
    const opened = await openedCount(page)
    expect(opened).toBeGreaterThan(0)
    expect(opened, page.url()).toBe(await expected(params))
  }
  expect(keyed).toBeGreaterThan(0)
}

const keyOf = (params: URLSearchParams) => (params.get('key') === 'none' ? '' : params.get('key')!)
const hoursOf = (params: URLSearchParams) => ({ gte: new Date(params.get('from')!), lt: new Date(params.get('to')!) })

test('[DRILL] grouped by key, every bar opens as many calls as its key counts (owner and consumer, errors and billing)', async ({
  page,
}) => {
  const db = e2eDb()
  const [acme, globex] = await Promise.all(
    ['acme', 'globex'].map((slug) => db.team.findUniqueOrThrow({ where: { slug } })),
  )
  const sumCalls = async (where: Record<string, unknown>) =>
    (await db.usageRollup.aggregate({ _sum: { calls: true }, where }))._sum.calls ?? 0
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  await drillBars(page, '/t/acme/errors?group=key', /Requests by key/, (params) =>
    sumCalls({ ownerTeamId: acme.id, keyId: keyOf(params), hour: hoursOf(params) }),
  )
  await shot(page, 'drill-key-bar-owner')

  await page.context().clearCookies()
  await signIn(page, 'owner@globex.test', DEMO_PASSWORD)
  // The last week of days: older days reach past the raw log's retention.
  await drillBars(
    page,
    '/t/globex/billing?group=key',
    /Cost by key/,
    (params) => sumCalls({ consumerTeamId: globex.id, keyId: keyOf(params), hour: hoursOf(params) }),
    7,
  )
  await shot(page, 'drill-key-bar-billing')
})
