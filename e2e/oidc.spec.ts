import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test, type Page } from '@playwright/test'

// Single sign-on through a real OpenID provider (panva's oidc-provider, started with the e2e server
// by scripts/e2e-server.mjs; its accounts are in e2e/fixtures/oidc-issuer.mjs): the code flow with
// PKCE, the ID token's claims, user provisioning, team roles from the groups claim, and an
// operator disabling the account.

const run = promisify(execFile)
// Playwright runs from the project root (playwright.config.ts).
const ROOT = process.cwd()

async function signInWithIdp(page: Page, login: string) {
  await page.goto('/login')
  await page.getByRole('button', { name: 'Continue with Test IdP' }).click()
  // The provider's own login page, on its own origin.
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password the test IdP accepts')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** The operator's switch, as an operator runs it, against the e2e server's database. */
async function userAdmin(command: 'disable' | 'enable', email: string) {
  const env = { ...process.env, DATABASE_URL: `file:${path.join(ROOT, 'data/e2e.db')}` }
  const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/user-admin.ts', command, email], {
    cwd: ROOT,
    env,
  })
  return stdout
}

test('[OIDC] a first sign-in creates the user, with the team role its groups claim names', async ({ page }) => {
  await signInWithIdp(page, 'sso-member@initech.test')
  await expect(page).toHaveURL(/\/catalog/)

  // "initech:member" made the new user a member of initech; "unknown-team:admin" named no team.
  await page.goto('/t/initech/settings')
  const row = page.getByRole('row').filter({ hasText: 'sso-member@initech.test' })
  await expect(row).toContainText('Member')
  await expect(page.getByText('Only owners and admins can change these settings.')).toBeVisible()

  // The same account signs in again: still one user, still a member.
  await page.context().clearCookies()
  await signInWithIdp(page, 'sso-member@initech.test')
  await page.goto('/t/initech/settings')
  await expect(page.getByRole('row').filter({ hasText: 'sso-member@initech.test' })).toHaveCount(1)
})

test('[OIDC] a user without groups gets an account and no team', async ({ page }) => {
  const email = `sso-new-${Date.now()}@example.test`
  await signInWithIdp(page, email)
  await expect(page).toHaveURL(/\/catalog/)
  const res = await page.goto('/t/initech/settings')
  expect(res?.status()).toBe(404)
})

test('[OIDC] an email the provider has not verified is refused', async ({ page }) => {
  await signInWithIdp(page, 'sso-unverified@initech.test')
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByText('has not verified your email address')).toBeVisible()
})

test('[OIDC] a disabled user loses access at their next request and cannot sign in again', async ({ page }) => {
  const email = `sso-leaver-${Date.now()}@example.test`
  await signInWithIdp(page, email)
  await expect(page).toHaveURL(/\/catalog/)

  expect(await userAdmin('disable', email)).toContain('is disabled')
  await page.reload()
  await expect(page).toHaveURL(/\/login/)

  // A new sign-in at the provider (its own session cookie goes too) is refused by Tollgate.
  await page.context().clearCookies()
  await signInWithIdp(page, email)
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByText('This account is disabled')).toBeVisible()

  expect(await userAdmin('enable', email)).toContain('is enabled')
  await page.context().clearCookies()
  await signInWithIdp(page, email)
  await expect(page).toHaveURL(/\/catalog/)
})
