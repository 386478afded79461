import { expect, test, type Page } from '@playwright/test'
import { keyDisplayPrefix } from '../lib/credentials/key-format'
import { callGateway, seedInvokeApi, seedKey, seedSubscription, type SeededApi } from './fixtures/seed-invoke'
import { seedTeam, type SeededTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// Keys are created, rotated and revoked in the console; their effect is checked with real HTTP
// calls to the gateway, the way a customer's service would see it.

async function subscribedConsumer(): Promise<{ api: SeededApi; consumer: SeededTeam }> {
  const owner = await seedTeam('owner')
  const consumer = await seedTeam('consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  return { api, consumer }
}

async function createKey(page: Page, name: string): Promise<string> {
  await page.getByLabel('Name').fill(name)
  await page.getByRole('button', { name: 'Create key' }).click()
  const secret = page.getByLabel('New API key')
  await expect(secret).toHaveValue(/^tg_[a-z]+_[0-9a-z]{16,}$/)
  return secret.inputValue()
}

test('[KEYS] revoking asks for confirmation and the gateway refuses the key within a second', async ({ page }) => {
  const { api, consumer } = await subscribedConsumer()
  await signIn(page, consumer.users.MEMBER.email)
  await page.goto(`/t/${consumer.slug}/keys`)
  const value = await createKey(page, 'batch-job')
  const hello = `${api.gatewayUrl}/hello`
  await expect.poll(async () => (await callGateway(hello, value)).status).toBe(200)

  // Shown once: after a reload only the display prefix is left.
  await page.reload()
  await expect(page.getByLabel('New API key')).toHaveCount(0)
  await expect(page.getByText(value)).toHaveCount(0)
  const row = page.getByRole('row', { name: /batch-job/ })
  await expect(row).toContainText(`${keyDisplayPrefix(value)}…`)
  await expect(row).toContainText('Active')

  const dialog = page.getByRole('dialog', { name: 'Revoke “batch-job”?' })
  await row.getByRole('button', { name: 'Revoke' }).click()
  await expect(dialog).toContainText('Calls with this key are refused (401) within a second. This cannot be undone.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('Active')
  expect((await callGateway(hello, value)).status).toBe(200)

  await row.getByRole('button', { name: 'Revoke' }).click()
  await dialog.getByRole('button', { name: 'Revoke key' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('Revoked')
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0)
  await expect(row.getByRole('button', { name: 'Rotate' })).toHaveCount(0)

  await expect.poll(async () => (await callGateway(hello, value)).status, { timeout: 1_000, intervals: [50] }).toBe(401)
  const refused = await callGateway(hello, value)
  expect(refused.contentType).toBe('application/problem+json')
  expect(JSON.parse(refused.body)).toMatchObject({
    status: 401,
    code: 'key_revoked',
    detail: 'This API key has been revoked.',
  })
})

test('[KEYS] rotating shows the new key once and the old key keeps working during the grace period', async ({
  page,
}) => {
  const { api, consumer } = await subscribedConsumer()
  await signIn(page, consumer.users.OWNER.email)
  await page.goto(`/t/${consumer.slug}/keys`)
  const oldValue = await createKey(page, 'web-shop')
  const hello = `${api.gatewayUrl}/hello`
  await expect.poll(async () => (await callGateway(hello, oldValue)).status).toBe(200)

  await page
    .getByRole('row', { name: /web-shop/ })
    .getByRole('button', { name: 'Rotate' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Rotate web-shop' })
  await expect(dialog.getByLabel('Grace period for the old key')).toHaveValue('86400')
  await expect(dialog.getByRole('combobox')).toContainText('24 hours')
  await dialog.getByRole('button', { name: 'Rotate key' }).click()
  const newSecret = dialog.getByLabel('New API key')
  await expect(newSecret).toHaveValue(/^tg_[a-z]+_[0-9a-z]{16,}$/)
  const newValue = await newSecret.inputValue()
  expect(newValue).not.toBe(oldValue)
  await expect(dialog).toContainText('It is shown only once')
  await expect(dialog).toContainText(/The old key keeps working until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./)
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  // Both keys are listed under the same name: the old one in grace, the new one active.
  const rows = page.getByRole('row', { name: /web-shop/ })
  await expect(rows).toHaveCount(2)
  const oldRow = rows.filter({ hasText: keyDisplayPrefix(oldValue) })
  const newRow = rows.filter({ hasText: keyDisplayPrefix(newValue) })
  await expect(oldRow).toContainText(/Grace\s*until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
  await expect(oldRow.getByRole('button', { name: 'Rotate' })).toHaveCount(0)
  await expect(newRow).toContainText('Active')
  await page.reload()
  await expect(page.getByText(newValue)).toHaveCount(0)

  await expect.poll(async () => (await callGateway(hello, newValue)).status).toBe(200)
  const old = await callGateway(hello, oldValue)
  expect(old.status).toBe(200)
  expect(JSON.parse(old.body)).toMatchObject({ path: `${api.upstreamPrefix}/hello` })
})

test("[KEYS] a viewer sees the team's keys but cannot create one, and the server refuses if asked", async ({
  browser,
}) => {
  const { consumer } = await subscribedConsumer()
  const existing = await seedKey(consumer, 'reporting')

  const viewer = await (await browser.newContext()).newPage()
  await signIn(viewer, consumer.users.VIEWER.email)
  await viewer.goto(`/t/${consumer.slug}/keys`)
  await expect(viewer.getByRole('heading', { name: 'API keys' })).toBeVisible()
  const row = viewer.getByRole('row', { name: /reporting/ })
  await expect(row).toContainText(`${existing.prefix}…`)
  await expect(row).toContainText('Active')
  await expect(viewer.getByRole('heading', { name: 'Create a key' })).toHaveCount(0)
  await expect(viewer.getByRole('button', { name: 'Create key' })).toHaveCount(0)
  await expect(viewer.getByRole('button', { name: /Revoke|Rotate/ })).toHaveCount(0)

  // Replay the create-key server action, exactly as a member's browser posts it, with the viewer's session.
  const member = await (await browser.newContext()).newPage()
  await signIn(member, consumer.users.MEMBER.email)
  await member.goto(`/t/${consumer.slug}/keys`)
  const posted = member.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action'])
  await createKey(member, 'sneaky-key')
  const request = await posted
  const headers = request.headers()
  const replay = await viewer.request.post(request.url(), {
    headers: {
      'next-action': headers['next-action'],
      'content-type': headers['content-type'],
      accept: headers.accept ?? 'text/x-component',
      origin: new URL(request.url()).origin,
    },
    data: request.postDataBuffer() ?? undefined,
  })
  expect(await replay.text()).toContain('Your role (viewer) cannot do this')

  await viewer.reload()
  await expect(viewer.getByRole('row', { name: /sneaky-key/ })).toHaveCount(1)
  await expect(viewer.getByRole('row', { name: /reporting|sneaky-key/ })).toHaveCount(2)
})
