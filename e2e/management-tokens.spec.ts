import { expect, test, type Page } from '@playwright/test'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// Management tokens are created and revoked in team settings; their effect is checked with real
// HTTP calls to /api/v1, the way a deployment script would see it.

const BASE = process.env.E2E_BASE_URL!

async function listApis(teamSlug: string, token: string) {
  const response = await fetch(`${BASE}/api/v1/teams/${teamSlug}/apis`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() }
}

async function createToken(page: Page, name: string, access: 'Read' | 'Write'): Promise<string> {
  const section = page.locator('section[aria-labelledby="management-tokens-heading"]')
  await section.getByLabel('Name').fill(name)
  await section.getByLabel('Access').selectOption({ label: access })
  await section.getByRole('button', { name: 'Create token' }).click()
  const secret = page.getByLabel('New management token')
  await expect(secret).toHaveValue(/^tgm_[0-9a-z]{32}$/)
  return secret.inputValue()
}

test('[MANAGEMENT] a token is shown once, works against /api/v1, and stops when revoked', async ({ page }) => {
  const team = await seedTeam('mgmt')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/settings`)
  const value = await createToken(page, 'deploy-pipeline', 'Write')

  const answer = await listApis(team.slug, value)
  expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { items: [], next: null }])

  await page.reload()
  await expect(page.getByLabel('New management token')).toHaveCount(0)
  await expect(page.getByText(value)).toHaveCount(0)
  const row = page.getByRole('row', { name: /deploy-pipeline/ })
  await expect(row).toContainText(`${value.slice(0, 10)}…`)
  await expect(row).toContainText('write')

  const dialog = page.getByRole('dialog', { name: 'Revoke “deploy-pipeline”?' })
  await row.getByRole('button', { name: 'Revoke' }).click()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect((await listApis(team.slug, value)).status).toBe(200)
  await row.getByRole('button', { name: 'Revoke' }).click()
  await dialog.getByRole('button', { name: 'Revoke token' }).click()
  await expect(row).toContainText('Revoked')

  const refused = await listApis(team.slug, value)
  expect([refused.status, refused.contentType]).toEqual([401, 'application/problem+json'])
})

test('[MANAGEMENT] a bad name shows a field error and creates nothing', async ({ page }) => {
  const team = await seedTeam('mgmt-bad')
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/settings`)
  const section = page.locator('section[aria-labelledby="management-tokens-heading"]')
  await section.getByLabel('Name').fill('x')
  // The browser's own minLength check would stop the post; remove it so the server's rule answers.
  await section.getByLabel('Name').evaluate((input) => input.removeAttribute('minlength'))
  await section.getByRole('button', { name: 'Create token' }).click()
  await expect(section.locator('[data-field-error="token-name"]')).toBeVisible()
  await expect(page.getByLabel('New management token')).toHaveCount(0)
})

test('[MANAGEMENT] /docs/api renders the management API reference', async ({ page }) => {
  const team = await seedTeam('mgmt-docs')
  await signIn(page, team.users.VIEWER.email)
  await page.goto('/docs/api')
  await expect(page.getByRole('heading', { name: 'Management API' })).toBeVisible()
  await expect(page.locator('[data-api-reference]')).toContainText('Create an API')
  await expect(page.locator('[data-api-reference]')).toContainText('/api/v1/teams/{team}/apis/{api}/versions')
})
