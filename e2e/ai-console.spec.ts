import { expect, test, type Page } from '@playwright/test'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// The AI page: providers (key write-only, test connection against the real demo AI provider) and
// models (price list fill, prices shown as money, deletes confirmed and refused while in use).

async function addProvider(page: Page, name: string, baseUrl: string, apiKey = 'sk-e2e-secret-9876') {
  const form = page.getByRole('form', { name: 'New provider' })
  await form.getByLabel('Provider name').fill(name)
  await form.getByLabel('Kind').selectOption('OPENAI_COMPATIBLE')
  await form.getByLabel('Base URL').fill(baseUrl)
  await form.getByLabel('API key').fill(apiKey)
  await form.getByRole('button', { name: 'Add provider' }).click()
}

test('[AI] an owner adds a provider and a model, tests the connection, and deletes both with confirmation', async ({
  page,
}) => {
  const team = await seedTeam('ai')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/ai`)
  await expect(page.getByRole('heading', { name: 'AI providers and models' })).toBeVisible()

  // A bad base URL is a field error, and nothing is saved.
  await addProvider(page, 'Broken', 'http://169.254.169.254/v1')
  await expect(page.locator('[data-field-error="provider-baseUrl"]')).toContainText(/link-local|metadata/)
  await expect(page.getByRole('row', { name: /Broken/ })).toHaveCount(0)

  await addProvider(page, 'Demo chat', `${DEMO_UPSTREAM}/ai/openai/v1`)
  const providerRow = page.locator('tr[data-provider="Demo chat"]')
  await expect(providerRow).toContainText('sk-…9876')
  // The key itself is never on the page again.
  await expect(page.getByText('sk-e2e-secret-9876')).toHaveCount(0)

  // A model filled from the shipped price list, then renamed and repriced by hand.
  const modelForm = page.getByRole('form', { name: 'New model' })
  await modelForm.getByLabel('Fill from price list').selectOption({ label: 'OpenAI: gpt-4o-mini (0.15 / 0.60)' })
  await expect(modelForm.getByLabel('Provider model name')).toHaveValue('gpt-4o-mini')
  await expect(modelForm.getByLabel('Context window (tokens)')).toHaveValue('128000')
  await modelForm.getByLabel('Model name', { exact: true }).fill('house-mini')
  await modelForm.getByLabel('Provider model name').fill('demo-small')
  await modelForm.getByLabel('Output price per 1M (USD)').fill('0.0000001')
  await modelForm.getByRole('button', { name: 'Add model' }).click()
  await expect(page.locator('[data-field-error="model-outputPrice"]')).toHaveText('Use at most 6 decimal places')
  await modelForm.getByLabel('Output price per 1M (USD)').fill('0.75')
  await modelForm.getByRole('button', { name: 'Add model' }).click()
  const modelRow = page.locator('tr[data-model="house-mini"]')
  await expect(modelRow).toContainText('Demo chat')
  await expect(modelRow).toContainText('$0.15')
  await expect(modelRow).toContainText('$0.75')
  await expect(modelRow).toContainText('No AI API')

  // One real call to the demo provider with the provider's first model.
  await providerRow.getByRole('button', { name: 'Test connection' }).click()
  await expect(providerRow.getByRole('status')).toContainText('Connected: HTTP 200')
  await expect(providerRow.getByRole('status')).toContainText('demo-small')

  // A provider with a model cannot go; the dialog says so and the row stays.
  await providerRow.getByRole('button', { name: 'Delete' }).click()
  const providerDialog = page.getByRole('dialog', { name: 'Delete Demo chat?' })
  await providerDialog.getByRole('button', { name: 'Delete provider' }).click()
  await expect(providerDialog).toContainText('still has 1 model')
  await providerDialog.getByRole('button', { name: 'Cancel' }).click()

  await modelRow.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog', { name: 'Delete house-mini?' }).getByRole('button', { name: 'Delete model' }).click()
  await expect(modelRow).toHaveCount(0)
  await providerRow.getByRole('button', { name: 'Delete' }).click()
  await providerDialog.getByRole('button', { name: 'Delete provider' }).click()
  await expect(providerRow).toHaveCount(0)
})

test('[AI] the AI page fits a phone: no sideways scroll, forms usable', async ({ page }) => {
  const team = await seedTeam('ai-phone')
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/ai`)
  await addProvider(page, 'Phone provider', `${DEMO_UPSTREAM}/ai/openai/v1`)
  await expect(page.locator('tr[data-provider="Phone provider"]')).toBeVisible()
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  for (const label of ['Provider name', 'Base URL']) {
    const box = await page.getByRole('form', { name: 'New provider' }).getByLabel(label).boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390, label).toBe(true)
  }
  // The table scrolls inside its own box; the model form is reachable and fits too.
  const addModel = page.getByRole('form', { name: 'New model' }).getByRole('button', { name: 'Add model' })
  await addModel.scrollIntoViewIfNeeded()
  const box = await addModel.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
})
