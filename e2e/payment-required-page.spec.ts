import { expect, test, type Browser } from '@playwright/test'
import { seedPaidSubscription } from './fixtures/seed-billing'
import { callGateway } from './fixtures/seed-invoke'
import { E2E_PASSWORD, seedTeam } from './fixtures/seed-team'
import { shot } from './fixtures/sign-in'

// Someone opens a paid API's gateway URL in a browser (a link in a doc, a GET endpoint pasted in
// the address bar) after the team's balance ran out: they get a page a person can read, which
// search engines and caches must not keep, with the way to top up.

/** A consumer whose balance covered one call, spent; returns the 402's URL and the key. */
async function spendTheOnlyCall() {
  const owner = await seedTeam('seller')
  const consumer = await seedTeam('browser')
  const { api, key } = await seedPaidSubscription(owner, consumer, { priceMicros: 250_000n, calls: 1 })
  const url = `${api.gatewayUrl}/hello?name=Ada`
  // The one paid call; the first attempts may 404 until the gateway has loaded the new API.
  await expect.poll(async () => (await callGateway(url, key.value)).status).toBe(200)
  // An API client (no text/html in Accept) still gets problem+json.
  const machine = await callGateway(url, key.value)
  expect(machine.status).toBe(402)
  expect(machine.contentType).toBe('application/problem+json')
  return { consumer, url, key: key.value }
}

async function openInBrowser(browser: Browser, url: string, key: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${key}` } })
  const page = await context.newPage()
  const response = await page.goto(url)
  return { context, page, response: response! }
}

test('[BILLING] a browser that opens a paid API after the balance ran out sees a readable 402 page with the way to top up', async ({
  browser,
}) => {
  const { consumer, url, key } = await spendTheOnlyCall()
  const { context, page, response } = await openInBrowser(browser, url, key)
  expect(response.status()).toBe(402)
  const headers = response.headers()
  expect(headers['content-type']).toBe('text/html; charset=utf-8')
  expect(headers['x-robots-tag']).toBe('noindex')
  expect(headers['cache-control']).toBe('no-store')
  expect(headers['vary']).toMatch(/accept/i)

  await expect(page).toHaveTitle('Payment required · Tollgate')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Payment required')
  await expect(
    page.getByText("Your team's balance ($0.00) does not cover this call ($0.25). Top up to continue."),
  ).toBeVisible()
  // The facts, as a definition list: reason, balance, price, incident, request id.
  const fact = (label: string) => page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]')
  await expect(fact('Reason')).toHaveText('insufficient_balance')
  await expect(fact('Balance')).toHaveText('0.00 USD')
  await expect(fact('This call costs')).toHaveText('0.25 USD')
  await expect(fact('Incident')).toHaveText(/^pi_\w+$/)
  await expect(fact('Request id')).not.toBeEmpty()
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
  const topUp = page.getByRole('link', { name: 'Top up your balance' })
  await expect(topUp).toHaveAttribute('href', `/t/${consumer.slug}/billing`)
  await shot(page, 'payment-required-page')

  // The link leads into the console (a signed-out visitor is asked to sign in first).
  await topUp.click()
  await expect(page).toHaveURL(
    new RegExp(`/login\\?callbackUrl=.*${encodeURIComponent(`/t/${consumer.slug}/billing`)}$`),
  )
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await context.close()
})

// The sign-in redirect carries an absolute callback URL built from the bind address
// ("http://0.0.0.0:3100/t/..."); the login keeps its path, so the link still lands on billing.
test('[BILLING] following "Top up your balance" while signed out leads through sign-in to the billing page', async ({
  browser,
}) => {
  const { consumer, url, key } = await spendTheOnlyCall()
  const { context, page } = await openInBrowser(browser, url, key)
  await page.getByRole('link', { name: 'Top up your balance' }).click()
  await page.getByLabel('Email').fill(consumer.users.OWNER.email)
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/billing$`), { timeout: 5_000 })
  await expect(page.getByRole('form', { name: 'Top up' })).toBeVisible()
  await context.close()
})
