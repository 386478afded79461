import { expect, test, type Page } from '@playwright/test'
import { seedPaidSubscription } from './fixtures/seed-billing'
import { callGateway } from './fixtures/seed-invoke'
import { reloadUntil } from './fixtures/reload-until'
import { seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// Paying for calls, as the consumer and as the owner: a balance that runs out in try-it, the 402
// and its incident, a top-up that resolves it, and the owner's lost revenue and revenue chart.

/** Sends the try-it form and waits for the console's answer, so consecutive sends are not confused. */
async function sendTryIt(page: Page) {
  const tryIt = page.getByRole('form', { name: 'Try it' })
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/try-it'))
  await tryIt.getByRole('button', { name: 'Send request' }).click()
  await answered
  return tryIt.getByRole('region', { name: 'Response' })
}

test('[BILLING] a consumer runs out of balance in try-it, sees the 402 and its incident, tops up, and calls again', async ({
  page,
}) => {
  const owner = await seedTeam('seller')
  const consumer = await seedTeam('buyer')
  const { api } = await seedPaidSubscription(owner, consumer, { priceMicros: 250_000n, calls: 2 })
  await signIn(page, consumer.users.OWNER.email)

  // Two calls are paid for; the third is refused with a 402 that says why and where to top up.
  await page.goto(`/catalog/${owner.slug}/${api.slug}`)
  for (let i = 0; i < 2; i++) await expect((await sendTryIt(page)).locator('[data-status]')).toHaveText('200')
  const refused = await sendTryIt(page)
  await expect(refused.locator('[data-status]')).toHaveText('402')
  const body = refused.locator('[data-response-body]')
  await expect(body).toContainText('"code": "insufficient_balance"')
  await expect(body).toContainText('"required": "0.25"')
  await expect(body).toContainText('"currency": "USD"')
  await expect(body).toContainText(`"topUpUrl": "/t/${consumer.slug}/billing"`)
  await expect(body).toContainText('"incidentId": "pi_')
  await shot(page, 'billing-402-try-it')

  // The incident is on the incidents page, open, with its chart.
  await page.goto(`/t/${consumer.slug}/incidents`)
  const row = page.getByRole('row').filter({ hasText: api.slug })
  await reloadUntil(page, async () => {
    await expect(row).toContainText('Insufficient balance', { timeout: 1_000 })
    await expect(page.getByRole('heading', { name: 'Blocked calls by cause' })).toBeVisible({ timeout: 1_000 })
  })
  await expect(row).toContainText('Open')
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  await shot(page, 'billing-incidents-consumer')

  // The incident itself says what to do, and lists the blocked call.
  await row
    .getByRole('link', { name: new RegExp(api.slug) })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `Insufficient balance on ${owner.slug}/${api.slug}`,
  )
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible()
  await expect(page.getByText('A top-up resolves this incident at once.')).toBeVisible()
  const blocked = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Blocked calls' }) })
  await expect(blocked.getByRole('row').filter({ hasText: '402' })).toHaveCount(1)
  await shot(page, 'billing-incident-detail')
  await page.getByRole('link', { name: 'Top up' }).click()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/billing`))

  // Top up in billing: the balance moves and the incident resolves itself.
  const topUp = page.getByRole('form', { name: 'Top up' })
  await topUp.getByLabel('Amount (USD)').fill('5')
  await topUp.getByRole('button', { name: 'Top up' }).click()
  await topUp.getByRole('button', { name: 'Confirm top-up of $5.00' }).click()
  await expect(topUp.getByRole('status')).toBeVisible()
  await expect(page.getByText('$5.00').first()).toBeVisible()
  await shot(page, 'billing-after-top-up')
  await page.goto(`/t/${consumer.slug}/incidents`)
  await expect(row).toContainText('Resolved')
  await expect(row).toContainText(/top-up/i)

  // And the next call goes through.
  await page.goto(`/catalog/${owner.slug}/${api.slug}`)
  await expect((await sendTryIt(page)).locator('[data-status]')).toHaveText('200')
})

test('[BILLING] the owner sees the lost revenue of a consumer incident and revenue by consumer team', async ({
  page,
}) => {
  const owner = await seedTeam('seller')
  const consumer = await seedTeam('buyer')
  const { api, key } = await seedPaidSubscription(owner, consumer, { priceMicros: 250_000n, calls: 1 })
  // The first call waits for the gateway to load the new API (404s are not charged); it uses up the balance.
  await expect.poll(async () => (await callGateway(`${api.gatewayUrl}/hello`, key.value)).status).toBe(200)
  const refused = []
  for (let i = 0; i < 3; i++) refused.push((await callGateway(`${api.gatewayUrl}/hello`, key.value)).status)
  expect(refused).toEqual([402, 402, 402])

  await signIn(page, owner.users.OWNER.email)
  await page.goto(`/t/${owner.slug}/incidents?view=owner`)
  const row = page.getByRole('row').filter({ hasText: api.slug })
  await reloadUntil(page, async () => {
    await expect(row).toContainText(consumer.name, { timeout: 1_000 })
    await expect(row).toContainText('$0.75', { timeout: 1_000 })
  })
  await expect(page.getByRole('heading', { name: 'Lost revenue by API' })).toBeVisible()
  await shot(page, 'billing-incidents-owner')

  // The owner waives it by hand: a note is required, and it is kept on the incident.
  await row.getByRole('button', { name: 'Resolve' }).click()
  const dialog = page.getByRole('dialog', { name: 'Resolve this incident?' })
  await dialog.getByRole('button', { name: 'Resolve incident' }).click()
  await expect(dialog.locator('[data-form-error]')).toHaveText('A reason is required')
  await dialog.getByLabel(/How was it resolved/).fill('Waived for the launch week')
  await dialog.getByRole('button', { name: 'Resolve incident' }).click()
  await expect(row).toContainText('Resolved')
  await expect(row).toContainText('Resolved by the API owner: Waived for the launch week')

  await page.goto(`/t/${owner.slug}/billing`)
  const revenue = page.getByRole('figure', { name: /Revenue by consumer team/ })
  await expect(revenue.locator('.recharts-surface').first()).toBeVisible()
  await expect(revenue).toContainText(consumer.name)
  await shot(page, 'billing-revenue-owner')
})
