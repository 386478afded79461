import { expect, test } from '@playwright/test'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// The audit log as an owner reads it: a console change and a management API call, each one entry
// with its secret redacted, narrowed by the filters; members never see the page.

const BASE = process.env.E2E_BASE_URL!

test('[AUDIT] console and API changes appear once each, secrets redacted, and filter by origin', async ({ page }) => {
  const team = await seedTeam('audit')
  await signIn(page, team.users.OWNER.email)

  // A console change that shows a secret once: a management token.
  await page.goto(`/t/${team.slug}/settings`)
  const section = page.locator('section[aria-labelledby="management-tokens-heading"]')
  await section.getByLabel('Name').fill('audit-pipeline')
  await section.getByLabel('Access').selectOption({ label: 'Write' })
  await section.getByRole('button', { name: 'Create token' }).click()
  const secret = page.getByLabel('New management token')
  await expect(secret).toHaveValue(/^tgm_/)
  const token = await secret.inputValue()

  // An API change that shows a secret once: a key.
  const response = await fetch(`${BASE}/api/v1/teams/${team.slug}/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'user-agent': 'audit-e2e' },
    body: JSON.stringify({ name: 'from-the-pipeline' }),
  })
  expect(response.status).toBe(201)
  const key = (await response.json()) as { id: string; value: string }

  await page.getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  const rows = page.locator('tr[data-audit-entry]')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('key.create')
  await expect(rows.nth(0)).toContainText('Management API')
  await expect(rows.nth(0)).toContainText(key.id)
  await expect(rows.nth(1)).toContainText('management_token.create')
  await expect(rows.nth(1)).toContainText('Console')
  await expect(rows.nth(1)).toContainText(team.users.OWNER.email)

  // The API entry's after: the key's name, its value redacted; no secret anywhere on the page.
  await page.getByText('Changes', { exact: false }).first().click()
  const diff = page.getByRole('table', { name: 'Before and after' }).first()
  await expect(diff.locator('tr', { hasText: 'name' }).first()).toContainText('from-the-pipeline')
  await expect(diff.locator('tr', { hasText: 'value' })).toContainText('[redacted]')
  const html = await page.content()
  expect(html).not.toContain(key.value)
  expect(html).not.toContain(token)
  await page.screenshot({ path: 'e2e/screenshots/audit.png', fullPage: true })

  await page.getByLabel('Origin').selectOption({ label: 'Console' })
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/origin=CONSOLE/)
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Console')

  await page.goto(`/t/${team.slug}/audit?q=no-such-thing`)
  await expect(page.getByText('No entries match these filters')).toBeVisible()
})

test('[AUDIT] a member has no audit log: no link, and the page is not found', async ({ page }) => {
  const team = await seedTeam('audit-member')
  await signIn(page, team.users.MEMBER.email)
  await page.goto(`/t/${team.slug}/apis`)
  await expect(page.getByRole('link', { name: 'API keys' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0)
  const response = await page.goto(`/t/${team.slug}/audit`)
  expect(response?.status()).toBe(404)
})
