import { expect, test } from '@playwright/test'
import { callGateway, seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// The owner's API page in tabs: the Overview counts the API's traffic and consumers from the
// rollups; the deprecate dialog names who called the version in the last 7 days and notifies
// them; Settings turns call capture on; History lists the lifecycle.

test('[APIS] the API page in tabs: overview from rollups, callers before deprecating, capture in settings', async ({
  page,
}) => {
  const owner = await seedTeam('tabs-owner')
  const consumer = await seedTeam('tabs-consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  const key = await seedKey(consumer, 'tabs key')
  await expect.poll(async () => (await callGateway(`${api.gatewayUrl}/hello`, key.value)).status).toBe(200)
  for (const url of [`${api.gatewayUrl}/hello`, `${api.gatewayUrl}/hello?status=503`]) await callGateway(url, key.value)
  const db = e2eDb()
  // The first 200 may have been preceded by refusals while the gateway loaded: count what was rolled up.
  await expect
    .poll(async () => (await db.usageRollup.aggregate({ where: { apiId: api.id }, _sum: { calls: true } }))._sum.calls)
    .toBeGreaterThanOrEqual(3)
  const { _sum } = await db.usageRollup.aggregate({ where: { apiId: api.id }, _sum: { calls: true } })

  await signIn(page, owner.users.OWNER.email)
  await page.goto(`/t/${owner.slug}/apis/${api.slug}`)
  await expect(
    page.getByRole('navigation', { name: 'API sections' }).getByRole('link', { name: 'Overview' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(page.locator('[data-summary="Calls"]')).toContainText(String(_sum.calls))
  await expect(page.locator('[data-summary="Consumers"]')).toContainText('1')
  await expect(page.locator(`[data-consumer="${consumer.name}"]`)).toBeVisible()
  await expect(page.locator('[data-version-traffic="v1"]')).toContainText(String(_sum.calls))
  await shot(page, 'api-page-overview')

  const tabs = page.getByRole('navigation', { name: 'API sections' })
  await tabs.getByRole('link', { name: 'Versions' }).click()
  await expect(page).toHaveURL(/tab=versions/)
  await page.getByRole('button', { name: 'Deprecate…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deprecate v1' })
  const callers = dialog.locator('[data-version-callers="v1"]')
  await expect(callers).toContainText('1 team called v1 in the last 7 days')
  await expect(callers).toContainText(consumer.name)
  await dialog.getByLabel('Message to the callers (optional)').fill('Please move to v2 before the sunset.')
  await shot(page, 'api-page-deprecate-callers')
  await dialog.getByRole('button', { name: 'Notify this team' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Notified 1 team(s)')
  const notice = await db.notification.findFirstOrThrow({ where: { teamId: consumer.id, kind: 'api_version.notice' } })
  expect(notice.body).toContain('Please move to v2 before the sunset.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await tabs.getByRole('link', { name: 'Settings' }).click()
  const capture = page.getByRole('form', { name: 'Call capture for v1' })
  await capture.getByLabel('Capture').selectOption('HEADERS_AND_BODIES')
  await capture.getByLabel('Keep (days)').fill('3')
  await capture.getByRole('button', { name: 'Save' }).click()
  await expect(capture.getByRole('status')).toHaveText('Saved')
  expect(
    await db.apiVersion.findUniqueOrThrow({
      where: { id: api.versionId },
      select: { captureMode: true, captureRetentionDays: true },
    }),
  ).toEqual({
    captureMode: 'HEADERS_AND_BODIES',
    captureRetentionDays: 3,
  })
  await capture.getByLabel('Keep (days)').fill('0')
  await capture.getByRole('button', { name: 'Save' }).click()
  await expect(capture.locator('[data-field-error]')).toHaveText('At least 1')
  await shot(page, 'api-page-settings')

  await tabs.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('heading', { name: 'Lifecycle history' })).toBeVisible()

  // A viewer reads the capture setting as text, with no form to save.
  await page.context().clearCookies()
  await signIn(page, owner.users.VIEWER.email)
  await page.goto(`/t/${owner.slug}/apis/${api.slug}?tab=settings`)
  await expect(page.locator('[data-capture-setting="v1"]')).toHaveText('v1: Headers and bodies, kept 3 day(s)')
  await expect(page.getByRole('form', { name: 'Call capture for v1' })).toHaveCount(0)
})
