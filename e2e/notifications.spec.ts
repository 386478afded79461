import { expect, test, type Browser } from '@playwright/test'
import { seedPaidSubscription } from './fixtures/seed-billing'
import { callGateway } from './fixtures/seed-invoke'
import { reloadUntil } from './fixtures/reload-until'
import { seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// The in-app side of a payment incident: the consumer's first 402 notifies the team's owners and
// admins (the bell's unread count), the notification leads to the incident, and marking all read
// clears the count. Members do not receive notifications, so they get no bell.

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return { page, close: () => context.close() }
}

test('[NOTIFICATIONS] the first 402 notifies the consumer owner once; the notification opens the incident and marking all read clears the bell', async ({
  browser,
}) => {
  const owner = await seedTeam('seller')
  const consumer = await seedTeam('notified')
  const { api, key } = await seedPaidSubscription(owner, consumer, { priceMicros: 250_000n, calls: 1 })
  const url = `${api.gatewayUrl}/hello`
  await expect.poll(async () => (await callGateway(url, key.value)).status).toBe(200)
  // Three refusals are one incident, so one notification, not three.
  for (let i = 0; i < 3; i++) expect((await callGateway(url, key.value)).status).toBe(402)
  const bellName = /^Notifications, /

  await test.step('a member gets no bell and no notifications', async () => {
    const { page, close } = await signedInPage(browser, consumer.users.MEMBER.email)
    await page.goto(`/t/${consumer.slug}/billing`)
    await expect(page.getByRole('heading', { name: 'Billing', exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: bellName })).toHaveCount(0)
    await page.goto(`/t/${consumer.slug}/notifications`)
    await expect(page.getByText('Notifications go to owners and admins')).toBeVisible()
    await expect(page.locator('[data-notification]')).toHaveCount(0)
    await close()
  })

  const { page, close } = await signedInPage(browser, consumer.users.OWNER.email)
  await page.goto(`/t/${consumer.slug}/billing`)
  const bell = page.getByRole('link', { name: bellName })
  // Notifications are written as the incident opens; a reload covers one written by the metering writer.
  await reloadUntil(page, () => expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 1_000 }))
  await expect(bell).toHaveText('1')
  await shot(page, 'notifications-bell-unread')

  // The API owner's team is not the one notified.
  const ownerSide = await signedInPage(browser, owner.users.OWNER.email)
  await ownerSide.page.goto(`/t/${owner.slug}/billing`)
  await expect(ownerSide.page.getByRole('link', { name: bellName })).toHaveAccessibleName('Notifications, none unread')
  await ownerSide.close()

  await bell.click()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/notifications$`))
  await expect(page.getByRole('heading', { name: 'Notifications', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Unread (1)' })).toBeVisible()
  const items = page.locator('[data-notification]')
  await expect(items).toHaveCount(1)
  const item = items.first()
  await expect(item).toHaveAttribute('data-unread', '')
  await expect(item).toContainText('Payment incident')
  await expect(item).toContainText('The gateway answers 402 Payment Required until the cause is fixed.')
  const link = item.getByRole('link', {
    name: `Calls to ${owner.slug}/${api.slug} are being refused: insufficient balance`,
  })
  await expect(link).toHaveAttribute('href', new RegExp(`^/t/${consumer.slug}/incidents/pi_\\w+$`))
  await shot(page, 'notifications-list')

  await link.click()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/incidents/pi_\\w+$`))
  await expect(page.getByRole('heading', { name: `Insufficient balance on ${owner.slug}/${api.slug}` })).toBeVisible()
  // Opening it does not mark it read: that takes a deliberate click.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread')

  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`/t/${consumer.slug}/notifications$`))
  await page.getByRole('button', { name: 'Mark all read' }).click()
  await expect(bell).toHaveAccessibleName('Notifications, none unread')
  await expect(bell).toHaveText('')
  await expect(page.getByRole('link', { name: 'Unread (0)' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mark all read' })).toHaveCount(0)
  await page.reload()
  await expect(bell).toHaveAccessibleName('Notifications, none unread')
  await expect(items.first()).not.toHaveAttribute('data-unread')
  await expect(items.first().getByRole('button', { name: 'Mark read' })).toHaveCount(0)
  await shot(page, 'notifications-all-read')
  await close()
})
