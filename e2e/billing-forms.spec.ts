import { expect, test, type Page } from '@playwright/test'
import { seedPaidSubscription } from './fixtures/seed-billing'
import { callGateway } from './fixtures/seed-invoke'
import { seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// The billing page's forms as a user meets them: bad amounts and cards are refused with field
// errors and leave the money alone, a good card and a budget are saved and show in the summary,
// and people who may only read billing see the numbers without the forms.

const tile = (page: Page, label: string) => page.locator(`[data-summary^="${label}"]`)

test('[BILLING] top-up amounts are checked, a declined card is recorded as failed, and a valid card tops up', async ({
  page,
}) => {
  const team = await seedTeam('payer')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/billing`)
  const balance = tile(page, 'Balance')
  const method = tile(page, 'Payment method')
  const topUp = page.getByRole('form', { name: 'Top up' })
  const amount = topUp.getByLabel('Amount (USD)')
  const amountError = topUp.locator('[data-field-error="amount"]')
  await expect(balance).toContainText('$0.00')
  await expect(method).toContainText('None')
  await expect(method).toContainText('No card on file')

  await test.step('bad amounts get a field error and change nothing', async () => {
    const cases: Array<[string, string]> = [
      ['0', 'At least 5 per top-up'],
      ['0.001', 'At least 5 per top-up'],
      ['100000.01', 'At most 100000 per top-up'],
      ['-5', 'Enter a number such as 25 or 25.50'],
      ['1.1234567', 'Use at most 6 decimal places'],
    ]
    for (const [value, message] of cases) {
      await amount.fill(value)
      await topUp.getByRole('button', { name: 'Top up' }).click()
      await expect(amountError).toHaveText(message)
      await expect(amount).toHaveAttribute('aria-invalid', 'true')
      // The typed value stays, so it can be corrected.
      await expect(amount).toHaveValue(value)
      await expect(balance).toContainText('$0.00')
    }
    await shot(page, 'billing-forms-amount-error')
    await page.reload()
    await expect(balance).toContainText('$0.00')
    await expect(page.getByText('No ledger entries yet')).toBeVisible()
  })

  await test.step('a declined card is refused and shown as failed; topping up with it fails too', async () => {
    const card = page.getByRole('form', { name: 'Payment method' })
    await card.getByLabel('Card number').fill('4000 0000 0000 0002')
    await card.getByRole('button', { name: 'Save card' }).click()
    await expect(card.locator('[data-form-error]')).toHaveText('This card was declined. Try another card.')
    await expect(card.locator('[data-field-error="cardNumber"]')).toHaveText('This card was declined')
    await expect(method).toContainText('Failed')
    await expect(method).toContainText('Visa •••• 0002')
    await expect(method.getByRole('link', { name: 'Fix it' })).toBeVisible()
    await shot(page, 'billing-forms-card-declined')

    await amount.fill('5')
    await topUp.getByRole('button', { name: 'Top up' }).click()
    await topUp.getByRole('button', { name: 'Confirm top-up of $5.00' }).click()
    await expect(topUp.locator('[data-form-error]')).toHaveText(
      'Your card was declined. Update the payment method and try again.',
    )
    await page.reload()
    await expect(method).toContainText('Failed')
    await expect(balance).toContainText('$0.00')
  })

  await test.step('the test card 4242 makes the method valid, and a top-up then goes through', async () => {
    const card = page.getByRole('form', { name: 'Payment method' })
    await card.getByLabel('Card number').fill('4242 4242 4242 4242')
    await card.getByRole('button', { name: 'Save card' }).click()
    await expect(card.locator('[data-form-success]')).toHaveText('Payment method saved: Visa •••• 4242.')
    await expect(method).toContainText('Valid')
    await expect(method).toContainText('Visa •••• 4242')
    await expect(method.getByRole('link', { name: 'Fix it' })).toHaveCount(0)

    await amount.fill('5')
    await topUp.getByRole('button', { name: 'Top up' }).click()
    await expect(topUp.locator('[data-top-up-review]')).toContainText('Charge $5.00 to Visa •••• 4242')
    await topUp.getByRole('button', { name: 'Confirm top-up of $5.00' }).click()
    await expect(topUp.locator('[data-form-success]')).toHaveText('Added $5.00. New balance: $5.00.')
    await expect(balance).toContainText('$5.00')
    await page.reload()
    await expect(balance).toContainText('$5.00')
    await expect(method).toContainText('Valid')
    await expect(page.locator('#ledger').getByRole('row').filter({ hasText: 'Top-up' })).toHaveCount(1)
    await shot(page, 'billing-forms-card-valid')
  })
})

test('[BILLING] budget thresholds are checked, and a saved budget shows the month-to-date spend against it', async ({
  page,
}) => {
  const owner = await seedTeam('seller')
  const consumer = await seedTeam('budgeter')
  const { api, key } = await seedPaidSubscription(owner, consumer, { priceMicros: 250_000n, calls: 4 })
  // Two paid calls: $0.50 spent this month. The first waits for the gateway to load the API.
  await expect.poll(async () => (await callGateway(`${api.gatewayUrl}/hello`, key.value)).status).toBe(200)
  expect((await callGateway(`${api.gatewayUrl}/hello`, key.value)).status).toBe(200)

  await signIn(page, consumer.users.OWNER.email)
  await page.goto(`/t/${consumer.slug}/billing`)
  const spend = tile(page, 'Spend in')
  const budgetForm = page.getByRole('form', { name: 'Budget and limits' })
  const save = budgetForm.getByRole('button', { name: 'Save budget and limits' })
  await expect(spend).toContainText('No monthly budget')

  await budgetForm.getByLabel('Monthly budget (USD)').fill('10')
  await budgetForm.getByLabel('Alert thresholds (%)').fill('abc')
  await save.click()
  await expect(budgetForm.locator('[data-field-error="alertThresholds"]')).toHaveText(
    'Use whole percentages from 1 to 1000, separated by commas, e.g. 80,100',
  )
  await expect(budgetForm.getByLabel('Alert thresholds (%)')).toHaveAttribute('aria-invalid', 'true')
  await shot(page, 'billing-forms-threshold-error')
  await page.reload()
  await expect(spend).toContainText('No monthly budget')
  await expect(budgetForm.getByLabel('Monthly budget (USD)')).toHaveValue('')
  await expect(budgetForm.getByLabel('Alert thresholds (%)')).toHaveValue('80,100')

  await budgetForm.getByLabel('Monthly budget (USD)').fill('10')
  await budgetForm.getByLabel('Alert thresholds (%)').fill('90, 50')
  await save.click()
  await expect(budgetForm.locator('[data-form-success]')).toHaveText('Budget and limits saved.')
  // The metering writer adds the spend within a flush or two: reload until it shows.
  await expect(async () => {
    await page.reload()
    await expect(spend).toContainText('$0.50')
  }).toPass({ timeout: 10_000 })
  await expect(spend).toContainText('5.0% of the $10.00 budget')
  await expect(spend.getByRole('progressbar', { name: 'Budget used' })).toHaveAttribute('aria-valuenow', '5')
  await expect(budgetForm.getByLabel('Monthly budget (USD)')).toHaveValue('10.00')
  await expect(budgetForm.getByLabel('Alert thresholds (%)')).toHaveValue('50,90')
  await expect(tile(page, 'Balance')).toContainText('$0.50')
  await shot(page, 'billing-forms-budget-saved')
})

test('[BILLING] a viewer and a member see the balance but none of the billing forms', async ({ browser }) => {
  const owner = await seedTeam('seller')
  const consumer = await seedTeam('reader')
  await seedPaidSubscription(owner, consumer, { priceMicros: 250_000n, calls: 4 })
  for (const role of ['VIEWER', 'MEMBER'] as const) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signIn(page, consumer.users[role].email)
    await page.goto(`/t/${consumer.slug}/billing`)
    await expect(page.getByRole('heading', { name: 'Billing', exact: true })).toBeVisible()
    await expect(tile(page, 'Balance')).toContainText('$1.00')
    await expect(tile(page, 'Payment method')).toContainText('Visa •••• 4242')
    await expect(page.locator('#ledger')).toContainText('Welcome credit')
    for (const form of ['Top up', 'Payment method', 'Budget and limits'])
      await expect(page.getByRole('form', { name: form })).toHaveCount(0)
    await expect(page.getByLabel('Amount (USD)')).toHaveCount(0)
    await expect(page.getByLabel('Card number')).toHaveCount(0)
    if (role === 'VIEWER') await shot(page, 'billing-forms-viewer')
    await context.close()
  }
})
