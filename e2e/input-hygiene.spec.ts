import { expect, test } from '@playwright/test'
import { buildSearchText } from '../lib/apis/search-text'
import { createId } from '../lib/ids'
import { asJson, shipmentsV1 } from './fixtures/openapi-docs'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { e2eDb, seedTeam, type SeededTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// Hostile input typed into the real forms: each one comes back as a field error next to its
// field (linked to the control as its accessible description) and nothing is saved; the valid
// neighbour typed into the same field then saves.

const DAY_MS = 24 * 60 * 60 * 1000
const dayAhead = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)

/** A published API with one plan, straight into the database. */
async function seedPublishedApi(team: SeededTeam, label: string) {
  const db = e2eDb()
  const slug = `${label}-${team.slug}`
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${team.slug}`
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
  await db.plan.create({ data: { id: createId('plan'), apiId: api.id, teamId: team.id, name: 'Free' } })
  return { id: api.id, slug, name }
}

test('[HYGIENE] an API name with a right-to-left override is a field error, and nothing reaches the catalog', async ({
  page,
}) => {
  const team = await seedTeam('hygiene')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/apis/new`)

  // "Invoice" + U+202E + "fdp.exe" would render as "Invoiceexe.pdf" in every team's catalog.
  const name = page.getByLabel('Name', { exact: true })
  await name.fill('Invoice\u202Efdp.exe')
  await page.getByLabel('Slug').fill(`invoices-${team.slug}`)
  await page.getByRole('button', { name: 'Create API' }).click()

  const error = page.locator('[data-field-error="name"]')
  await expect(error).toHaveText('Remove the invisible character U+202E (right-to-left override)')
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(name).toHaveAccessibleDescription(/U\+202E/)
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/apis/new$`))
  expect(await e2eDb().api.count({ where: { teamId: team.id } })).toBe(0)
  await shot(page, 'hygiene-bidi-name')

  // The same name in Hebrew and with an emoji, without the control, is fine.
  await name.fill('Invoice חשבונית 🧾')
  await page.getByRole('button', { name: 'Create API' }).click()
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/apis/invoices-${team.slug}$`))
  await expect(page.getByRole('heading', { name: 'Invoice חשבונית 🧾' })).toBeVisible()
})

test('[HYGIENE] a rate limit of 0x10 is a field error, not 16 requests', async ({ page }) => {
  const team = await seedTeam('hygiene')
  const api = await seedPublishedApi(team, 'quotes')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/apis/${api.slug}?tab=plans`)

  const form = page.getByRole('form', { name: 'New plan' })
  const rateLimit = form.getByLabel('Rate limit (requests)')
  await form.getByLabel('Plan name').fill('Metered')
  await rateLimit.fill('0x10')
  await form.getByRole('button', { name: 'Add plan' }).click()
  await expect(form.locator('[data-field-error="plan-rateLimit"]')).toHaveText('Enter a whole number')
  await expect(rateLimit).toHaveAccessibleDescription('Enter a whole number')
  await expect(page.locator('tr[data-plan="Metered"]')).toHaveCount(0)

  // An exponent is no better: 5e3 is not read as 5000.
  await rateLimit.fill('5e3')
  await form.getByRole('button', { name: 'Add plan' }).click()
  await expect(form.locator('[data-field-error="plan-rateLimit"]')).toHaveText('Enter a whole number')
  await expect(page.locator('tr[data-plan="Metered"]')).toHaveCount(0)
  await shot(page, 'hygiene-hex-rate-limit')

  await rateLimit.fill('10')
  await form.getByRole('button', { name: 'Add plan' }).click()
  await expect(page.locator('tr[data-plan="Metered"]')).toContainText('10 / minute')
})

test('[HYGIENE] a sunset of 2030-02-30 is a field error, not March 2nd', async ({ page }) => {
  const team = await seedTeam('hygiene')
  const api = await seedPublishedApi(team, 'tides')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/apis/${api.slug}?tab=versions`)

  const row = page.locator('tr[data-version="v1"]')
  await row.getByRole('button', { name: 'Deprecate…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deprecate v1' })
  const sunset = dialog.getByLabel('Sunset date')

  // Chromium's date widget cannot even hold February 30th: the value is sanitised to empty...
  await sunset.fill('2030-02-30')
  await expect(sunset).toHaveValue('')
  // ...but a browser without the widget shows a plain text box, and a script can post anything:
  // the server must say what is wrong. Put that text box in the form in place of the widget (a
  // copy React does not manage, since React sets `type` back on every input event) and type it.
  await sunset.evaluate((input: HTMLInputElement) => {
    const text = input.cloneNode() as HTMLInputElement
    text.type = 'text'
    input.replaceWith(text)
  })
  await sunset.fill('2030-02-30')
  await dialog.getByRole('button', { name: 'Deprecate', exact: true }).click()
  const error = dialog.locator('[data-field-error$="-sunsetAt"]')
  await expect(error).toHaveText('2030-02-30 does not exist: February 2030 has 28 days')
  await shot(page, 'hygiene-impossible-sunset')

  // The year 275760, which the widget does accept, is refused as well.
  await sunset.fill('275760-09-13')
  await dialog.getByRole('button', { name: 'Deprecate', exact: true }).click()
  await expect(error).toHaveText('Choose a year from 2000 to 2100')
  expect((await e2eDb().apiVersion.findFirstOrThrow({ where: { apiId: api.id } })).state).toBe('PUBLISHED')

  const valid = dayAhead(30)
  await sunset.fill(valid)
  await dialog.getByRole('button', { name: 'Deprecate', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('Deprecated')
  await expect(row).toContainText(valid)
})
