import { expect, test } from '@playwright/test'
import { callGateway, seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { reloadUntil } from './fixtures/reload-until'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// The errors dashboard and the call log agree on the same calls: every number links to its rows.

test('[INVOKE] the errors dashboard counts failures per status class and drills down into the call log', async ({
  page,
}) => {
  const owner = await seedTeam('owner')
  const consumer = await seedTeam('consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  const key = await seedKey(consumer, 'dashboard-probe')
  const hello = `${api.gatewayUrl}/hello`
  // Wait for the gateway to load all of that without calling as these teams: calls refused while it
  // loads (401, 403) would count on both dashboards. A probe between two other teams, seeded after,
  // answers 200 only from a snapshot (swapped whole) that holds everything seeded before it.
  const probeOwner = await seedTeam('probe-owner')
  const probeConsumer = await seedTeam('probe-consumer')
  const probe = await seedInvokeApi(probeOwner)
  await seedSubscription(probe, probeOwner, probeConsumer, 'ACTIVE')
  const probeKey = await seedKey(probeConsumer, 'readiness probe')
  await expect.poll(async () => (await callGateway(`${probe.gatewayUrl}/hello`, probeKey.value)).status).toBe(200)
  // Three successes, one 404 and two 503s answered by the upstream (the demo upstream obeys ?status=).
  for (const url of [hello, hello, hello, `${hello}?status=404`, `${hello}?status=503`, `${hello}?status=503`]) {
    expect((await callGateway(url, key.value)).status, url).toBe(Number(new URL(url).searchParams.get('status') ?? 200))
  }

  await signIn(page, owner.users.MEMBER.email)
  await page.goto(`/t/${owner.slug}/errors`)
  const total = page.locator('[data-summary="Total calls"]')
  await reloadUntil(page, () => expect(total).toHaveText(/Total calls\s*6(?!\d)/, { timeout: 1_000 }))
  await expect(page.locator('[data-summary="Error rate"]')).toHaveText(/Error rate\s*50\.0%\s*3 failed/)
  await expect(page.locator('[data-summary="Server errors (5xx)"]')).toHaveText(/Server errors \(5xx\)\s*2(?!\d)/)
  await expect(page.locator('[data-summary="Payment required (402)"]')).toHaveText(/Payment required \(402\)\s*0(?!\d)/)
  await expect(page.locator('[data-summary="p95 latency"]')).toContainText(/\d ms/)

  const failing = page.getByRole('row', { name: new RegExp(`^${api.name}`) })
  await expect(failing.getByRole('cell')).toHaveText([api.name, '6', '1', '2', '50.0%'])
  await expect(page.getByRole('row', { name: /^v1/ }).getByRole('cell')).toHaveText(['v1', '6', '1', '2', '50.0%'])

  // The 5xx count opens exactly those calls.
  await failing.getByRole('link', { name: '2', exact: true }).click()
  await expect(page).toHaveURL(/status=5xx/)
  await expect(page.getByLabel('Status')).toHaveValue('5xx')
  const calls = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `${api.gatewayUrl.replace(/^https?:\/\/[^/]+/, '')}/hello` }) })
  await expect(calls).toHaveCount(2)
  for (const row of await calls.all()) await expect(row.getByRole('cell').nth(4)).toHaveText('503')

  // The filter form narrows the same list to the successes.
  await page.getByLabel('Status').selectOption({ label: '2xx success' })
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/status=2xx/)
  await expect(calls).toHaveCount(3)
  for (const row of await calls.all()) await expect(row.getByRole('cell').nth(4)).toHaveText('200')

  // A bar of the status-class chart opens its calls: recharts draws bars as bare SVG paths, one layer per class (2xx, 3xx, 4xx, 5xx).
  await page.goto(`/t/${owner.slug}/errors`)
  await page
    .getByRole('figure', { name: /Requests by status class/ })
    .locator('.recharts-bar')
    .nth(2)
    .locator('path')
    .first()
    .click()
  await expect(page).toHaveURL(/status=4xx/)
  await expect(calls).toHaveCount(1)
  await expect(calls.getByRole('cell').nth(4)).toHaveText('404')

  // All six calls fall in one hour: the latency chart still draws that lone point, and it opens the calls slower than its p95.
  await page.goto(`/t/${owner.slug}/errors`)
  const p95Dot = page.getByRole('figure', { name: /Latency percentiles/ }).locator('.recharts-line-dots circle')
  await expect(p95Dot).toHaveCount(3)
  // Like a user: point at it, read the tooltip, then click.
  await p95Dot.nth(1).hover()
  await expect(
    page.getByRole('figure', { name: /Latency percentiles/ }).getByText(/^\d{1,2} \w{3}, \d{2}:00 UTC$/),
  ).toBeVisible()
  // Hovering draws an active dot over it, so click where the pointer already is.
  await page.mouse.down()
  await page.mouse.up()
  await expect(page).toHaveURL(/slow=\d+/)
  await expect(page.getByRole('link', { name: /^Remove filter: Slower than [\d.]+ ms$/ })).toBeVisible()

  // The consumer sees the same six calls as its own.
  const consumerPage = await (await page.context().browser()!.newContext()).newPage()
  await signIn(consumerPage, consumer.users.VIEWER.email)
  await consumerPage.goto(`/t/${consumer.slug}/errors?view=consumer`)
  await expect(consumerPage.getByRole('link', { name: 'Our calls' })).toHaveAttribute('aria-current', 'page')
  await expect(consumerPage.locator('[data-summary="Total calls"]')).toHaveText(/Total calls\s*6(?!\d)/)
  await expect(consumerPage.getByRole('row', { name: new RegExp(`^${api.name}`) }).getByRole('cell')).toHaveText([
    api.name,
    '6',
    '1',
    '2',
    '50.0%',
  ])
})
