import { expect, test, type Page } from '@playwright/test'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

const memberRow = (page: Page, email: string) => page.locator(`tr[data-member="${email}"]`)

test('[TEAMS] an invite link for a member lets a user of another team join', async ({ page, browser }) => {
  const team = await seedTeam('inviting')
  const outsider = await seedTeam('outsider')
  const joiner = outsider.users.MEMBER.email

  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/settings`)
  await expect(page.getByRole('heading', { name: 'Members (4)' })).toBeVisible()
  await page.getByLabel('Role', { exact: true }).selectOption('MEMBER')
  await page.getByRole('button', { name: 'Create invite link' }).click()
  await expect(page.getByText('Invite link for a member.')).toBeVisible()
  const link = await page.getByLabel('Invite link').inputValue()
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/\S+$/)
  await expect(page.locator('tr[data-invite]')).toContainText('Anyone with the link')
  await expect(page.locator('tr[data-invite]')).toContainText('Member')

  const context = await browser.newContext()
  const joinerPage = await context.newPage()
  await signIn(joinerPage, joiner)
  await joinerPage.goto(link)
  await expect(joinerPage.getByText(`You are invited to join ${team.name} as member.`)).toBeVisible()
  await joinerPage.getByRole('button', { name: 'Accept and join the team' }).click()
  await expect(joinerPage).toHaveURL(new RegExp(`/t/${team.slug}/apis$`))
  await expect(joinerPage.getByRole('heading', { name: 'APIs', exact: true })).toBeVisible()
  await expect(joinerPage.getByLabel('Switch team')).toHaveValue(team.slug)
  await expect(joinerPage.getByText('Your role: member')).toBeVisible()
  // The link is single-use.
  await joinerPage.goto(link)
  await expect(joinerPage.locator('[data-invite-status]')).toBeVisible()
  await expect(joinerPage.getByRole('button', { name: 'Accept and join the team' })).toHaveCount(0)
  await context.close()

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Members (5)' })).toBeVisible()
  await expect(page.getByLabel(`Role of ${joiner}`)).toHaveValue('MEMBER')
  await expect(page.getByText('No pending invites')).toBeVisible()
})

test('[TEAMS] an owner changes a role, removing asks first, and the last owner cannot be demoted', async ({
  page,
  browser,
}) => {
  const team = await seedTeam('roles')
  const { OWNER, MEMBER, VIEWER } = team.users
  await signIn(page, OWNER.email)
  await page.goto(`/t/${team.slug}/settings`)

  await test.step('promote the member to admin', async () => {
    await page.getByLabel(`Role of ${MEMBER.email}`).selectOption('ADMIN')
    await memberRow(page, MEMBER.email).getByRole('button', { name: 'Save' }).click()
    await expect(memberRow(page, MEMBER.email).getByRole('status')).toHaveText('Role saved')
    await page.reload()
    await expect(page.getByLabel(`Role of ${MEMBER.email}`)).toHaveValue('ADMIN')
  })

  await test.step('removing a member asks for confirmation', async () => {
    await memberRow(page, VIEWER.email).getByRole('button', { name: 'Remove' }).click()
    const dialog = page.getByRole('dialog', { name: `Remove ${VIEWER.email}?` })
    await expect(dialog).toContainText('They lose access to this team at once.')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(memberRow(page, VIEWER.email)).toBeVisible()

    await memberRow(page, VIEWER.email).getByRole('button', { name: 'Remove' }).click()
    await dialog.getByRole('button', { name: 'Remove member' }).click()
    await expect(dialog).toBeHidden()
    await expect(memberRow(page, VIEWER.email)).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Members (3)' })).toBeVisible()

    const context = await browser.newContext()
    const removedPage = await context.newPage()
    await signIn(removedPage, VIEWER.email)
    const response = await removedPage.goto(`/t/${team.slug}/apis`)
    expect(response?.status()).toBe(404)
    await context.close()
  })

  await test.step('the last owner cannot be demoted', async () => {
    await page.getByLabel(`Role of ${OWNER.email}`).selectOption('VIEWER')
    await memberRow(page, OWNER.email).getByRole('button', { name: 'Save' }).click()
    await expect(memberRow(page, OWNER.email).locator('[data-form-error]')).toHaveText(
      'A team needs at least one owner. Make someone else an owner first.',
    )
    await page.reload()
    await expect(page.getByLabel(`Role of ${OWNER.email}`)).toHaveValue('OWNER')
    await expect(page.getByText('Your role: owner')).toBeVisible()
  })
})
