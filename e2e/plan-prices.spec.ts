import { expect, test } from '@playwright/test'
import { buildSearchText } from '../lib/apis/search-text'
import { createId } from '../lib/ids'
import { asJson, shipmentsV1 } from './fixtures/openapi-docs'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { shot, signIn } from './fixtures/sign-in'

// An owner prices a plan on the API page: field errors for impossible prices, the price as
// consumers will read it in the plans table and the catalog, and an edit that changes it.

test('[PLANS] an owner sells calls on a paid plan, sees field errors for bad prices, and the catalog shows the price', async ({
  page,
}) => {
  const team = await seedTeam('pricing')
  const db = e2eDb()
  const slug = `quotes-${team.slug}`
  const name = `Quotes ${team.slug}`
  const api = await db.api.create({
    data: {
      id: createId('api'),
      teamId: team.id,
      slug,
      name,
      visibility: 'INTERNAL',
      state: 'PUBLISHED',
      searchText: buildSearchText(name, '', []),
    },
  })
  await db.apiVersion.create({
    data: {
      id: createId('ver'),
      apiId: api.id,
      teamId: team.id,
      version: 'v1',
      major: 1,
      state: 'PUBLISHED',
      openapi: asJson(shipmentsV1),
      upstreamUrl: `${DEMO_UPSTREAM}/echo`,
      publishedAt: new Date(),
    },
  })
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/apis/${slug}?tab=plans`)

  const form = page.getByRole('form', { name: 'New plan' })
  await form.getByLabel('Plan name').fill('Metered')
  await form.getByLabel(/Paid plan/).check()
  // A paid plan with no price, and prices finer than a micro-unit, are refused field by field.
  await form.getByLabel('Price per call').fill('0.0000001')
  await form.getByRole('button', { name: 'Add plan' }).click()
  await expect(form.locator('[data-field-error]').first()).toBeVisible()
  await expect(page.locator('tr[data-plan="Metered"]')).toHaveCount(0)
  await shot(page, 'plan-price-error')

  await form.getByLabel('Price per call').fill('0.002')
  await form.getByLabel('Free calls per month').fill('1000')
  await form.getByRole('button', { name: 'Add plan' }).click()
  const row = page.locator('tr[data-plan="Metered"]')
  await expect(row).toContainText('0.002 USD / call · 1,000 free calls / month')
  await shot(page, 'plan-price-table')

  // Editing the price changes what the catalog shows consumers.
  await row.getByRole('link', { name: 'Edit plan Metered' }).click()
  const edit = page.getByRole('form', { name: 'Edit plan Metered' })
  await edit.getByLabel('Price per call').fill('0.005')
  await edit.getByRole('button', { name: /Save/ }).click()
  await expect(page.locator('tr[data-plan="Metered"]')).toContainText('0.005 USD / call')

  await page.goto(`/catalog/${team.slug}/${slug}`)
  await expect(page.getByText('0.005 USD / call · 1,000 free calls / month')).toBeVisible()
})
