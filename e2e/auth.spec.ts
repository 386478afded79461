import { expect, test } from '@playwright/test'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

test('[AUTH] wrong password shows an error and signing in lands on the catalog', async ({ page }) => {
  const team = await seedTeam('auth')
  await page.goto('/t/' + team.slug + '/apis')
  await expect(page).toHaveURL(/\/login/)
  await page.getByLabel('Email').fill(team.users.OWNER.email)
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('[data-form-error]')).toHaveText('Wrong email or password')
  await expect(page.getByLabel('Email')).toHaveValue(team.users.OWNER.email)

  await signIn(page, team.users.OWNER.email)
  await expect(page.getByRole('link', { name: 'Catalog' })).toBeVisible()
  await expect(page.getByLabel('Switch team')).toHaveValue(team.slug)
})

test('[AUTH] repeated failures are rate limited', async ({ page }) => {
  const team = await seedTeam('ratelimit')
  await page.goto('/login')
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel('Email').fill(team.users.MEMBER.email)
    await page.getByLabel('Password').fill(`wrong-${attempt}`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // The message is still there from the previous attempt; the form reset marks this one as done.
    await expect(page.getByLabel('Password')).toHaveValue('')
    await expect(page.locator('[data-form-error]')).toHaveText('Wrong email or password')
  }
  await page.getByLabel('Email').fill(team.users.MEMBER.email)
  await page.getByLabel('Password').fill('e2e-password-123')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('[data-form-error]')).toContainText('Too many failed attempts')
})

test('[AUTH] sign out returns to the login page', async ({ page }) => {
  const team = await seedTeam('signout')
  await signIn(page, team.users.VIEWER.email)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
  // The login form is rendered only once the sign-out answer (and its cookie) has fully arrived.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.goto('/catalog')
  await expect(page).toHaveURL(/\/login/)
})
