import { expect, test } from '@playwright/test'
import { keyDisplayPrefix } from '../lib/credentials/key-format'
import { callGateway, seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { reloadUntil } from './fixtures/reload-until'
import { seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// The consumer's side and the owner's side of one subscription, each in its own browser context.

test('[INVOKE] subscribe, approve, create a key, try it, then find the call in the log and on the dashboard', async ({
  browser,
}) => {
  const owner = await seedTeam('owner')
  const consumer = await seedTeam('consumer')
  const api = await seedInvokeApi(owner)
  const ownerPage = await (await browser.newContext()).newPage()
  const consumerPage = await (await browser.newContext()).newPage()
  await signIn(ownerPage, owner.users.OWNER.email)
  await signIn(consumerPage, consumer.users.OWNER.email)

  // The consumer asks for the plan that needs approval.
  await consumerPage.goto(`/catalog/${owner.slug}/${api.slug}`)
  await expect(consumerPage.getByRole('heading', { level: 1, name: api.name })).toBeVisible()
  const subscribe = consumerPage.getByRole('region', { name: 'Subscribe' })
  await subscribe.getByLabel('Plan').selectOption({ label: 'Partner · 100/min · needs approval' })
  await subscribe.getByRole('button', { name: 'Subscribe' }).click()
  await expect(subscribe.getByRole('status')).toHaveText(
    /Requested Partner; the API's owners will approve or reject it\./,
  )
  await expect(subscribe.locator('[data-subscription-status]')).toContainText('Current subscription: Pending Partner')

  // The owner approves it.
  await ownerPage.goto(`/t/${owner.slug}/subscriptions`)
  await expect(ownerPage.getByRole('link', { name: /Incoming requests\s*1/ })).toBeVisible()
  const request = ownerPage.getByRole('row', { name: new RegExp(consumer.name) })
  await expect(request).toContainText(api.name)
  await expect(request).toContainText('Partner · 100/min')
  await expect(request).toContainText('Pending')
  await request.getByRole('button', { name: 'Approve' }).click()
  const approveDialog = ownerPage.getByRole('dialog', { name: 'Approve this subscription?' })
  await expect(approveDialog).toContainText(`${consumer.name} → ${api.name}`)
  await approveDialog.getByRole('button', { name: 'Approve' }).click()
  await expect(approveDialog).toBeHidden()
  await expect(request).toContainText('Active')
  await expect(request.getByRole('button', { name: 'Suspend' })).toBeVisible()
  await shot(ownerPage, 'subscriptions')

  // The consumer creates a key: its value is on screen this once.
  await consumerPage.goto(`/t/${consumer.slug}/keys`)
  await expect(consumerPage.getByRole('checkbox', { name: new RegExp(`${api.name}\\s*\\(Partner\\)`) })).toBeVisible()
  await consumerPage.getByLabel('Name').fill('checkout-service')
  await consumerPage.getByRole('button', { name: 'Create key' }).click()
  const secret = consumerPage.getByLabel('New API key')
  await expect(secret).toHaveValue(/^tg_[a-z]+_[0-9a-z]{16,}$/)
  const keyValue = await secret.inputValue()
  await expect(consumerPage.getByText('It is shown only once')).toBeVisible()
  const keyRow = consumerPage.getByRole('row', { name: /checkout-service/ })
  await expect(keyRow).toContainText(`${keyDisplayPrefix(keyValue)}…`)
  await expect(keyRow).toContainText('Active')
  await shot(consumerPage, 'keys')

  // Try it from the catalog with that key: a real call through the gateway to the demo upstream.
  await consumerPage.goto(`/catalog/${owner.slug}/${api.slug}`)
  const tryIt = consumerPage.getByRole('form', { name: 'Try it' })
  await expect(tryIt.getByLabel('Operation')).toHaveValue('GET /hello')
  await expect(tryIt.getByRole('combobox', { name: 'Key' })).toContainText('checkout-service')
  await expect(tryIt.getByText(`GET /gw/${owner.slug}/${api.slug}/v1/hello`)).toBeVisible()
  await expect(tryIt.getByLabel('name (query)')).toHaveValue('Ada')
  await tryIt.getByRole('button', { name: 'Send request' }).click()
  const response = tryIt.getByRole('region', { name: 'Response' })
  await expect(response.locator('[data-status]')).toHaveText('200')
  await expect(response).toContainText(/\d+ ms/)
  const body = response.locator('[data-response-body]')
  await expect(body).toContainText(`"path": "${api.upstreamPrefix}/hello"`)
  await expect(body).toContainText('"name": "Ada"')
  await shot(consumerPage, 'try-it')

  // The call shows up in the consumer's call log ("Our calls") and opens into its details.
  await consumerPage.goto(`/t/${consumer.slug}/calls?view=consumer`)
  await expect(consumerPage.getByRole('link', { name: 'Our calls' })).toHaveAttribute('aria-current', 'page')
  const call = consumerPage.getByRole('row', { name: new RegExp(api.name) })
  await reloadUntil(consumerPage, () => expect(call).toBeVisible({ timeout: 1_000 }))
  await expect(call).toHaveCount(1)
  await expect(call).toContainText('GET')
  await expect(call).toContainText('/hello')
  await expect(call.getByRole('cell').nth(4)).toHaveText('200')
  await shot(consumerPage, 'call-log')
  await call.getByRole('link').first().click()
  await expect(consumerPage.getByRole('heading', { name: 'GET 200' })).toBeVisible()
  const details = consumerPage.getByRole('main')
  await expect(details.getByRole('definition').filter({ hasText: consumer.name })).toBeVisible()
  await expect(details.getByRole('definition').filter({ hasText: owner.name })).toBeVisible()
  await expect(details.getByRole('definition').filter({ hasText: 'checkout-service' })).toContainText(
    keyDisplayPrefix(keyValue),
  )
  await expect(details).toContainText(`GET /gw/${owner.slug}/${api.slug}/v1/hello`)

  // The owner's errors dashboard counts the call, and the count opens the call log with it.
  await ownerPage.goto(`/t/${owner.slug}/errors`)
  const total = ownerPage.locator('[data-summary="Total calls"]')
  await reloadUntil(ownerPage, () => expect(total).toBeVisible({ timeout: 1_000 }))
  await expect(total).toContainText(/Total calls\s*1(?!\d)/)
  await expect(ownerPage.locator('[data-summary="Error rate"]')).toContainText('0%')
  await expect(ownerPage.getByRole('figure', { name: /Requests by status class/ })).toBeVisible()
  await expect(ownerPage.getByText('No failed calls')).toBeVisible()
  await shot(ownerPage, 'errors-dashboard')
  await total.click()
  await expect(ownerPage).toHaveURL(new RegExp(`/t/${owner.slug}/calls\\?from=`))
  await expect(ownerPage.getByRole('link', { name: 'Calls to our APIs' })).toHaveAttribute('aria-current', 'page')
  const ownerCall = ownerPage.getByRole('row', { name: new RegExp(api.name) })
  await expect(ownerCall).toHaveCount(1)
  await expect(ownerCall.getByRole('cell').nth(4)).toHaveText('200')
})

test("[INVOKE] a rejected request shows the owner's reason to the consumer", async ({ browser }) => {
  const owner = await seedTeam('owner')
  const consumer = await seedTeam('consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'PENDING')
  const ownerPage = await (await browser.newContext()).newPage()
  await signIn(ownerPage, owner.users.ADMIN.email)

  await ownerPage.goto(`/t/${owner.slug}/subscriptions`)
  const request = ownerPage.getByRole('row', { name: new RegExp(consumer.name) })
  await request.getByRole('button', { name: 'Reject' }).click()
  const dialog = ownerPage.getByRole('dialog', { name: 'Reject this request?' })
  await dialog.getByRole('button', { name: 'Reject' }).click()
  await expect(dialog.locator('[data-form-error]')).toHaveText('A reason is required')
  await dialog.getByLabel('Reason (shown to the requesting team)').fill('Partner access is for signed partners only')
  await dialog.getByRole('button', { name: 'Reject' }).click()
  await expect(dialog).toBeHidden()
  await expect(request).toContainText('Rejected')
  await expect(request).toContainText('“Partner access is for signed partners only”')

  const consumerPage = await (await browser.newContext()).newPage()
  await signIn(consumerPage, consumer.users.MEMBER.email)
  await consumerPage.goto(`/t/${consumer.slug}/subscriptions?tab=outgoing`)
  const mine = consumerPage.getByRole('row', { name: new RegExp(api.name) })
  await expect(mine).toContainText('Rejected')
  await expect(mine).toContainText('“Partner access is for signed partners only”')
  await expect(mine.getByRole('button')).toHaveCount(0)

  await consumerPage.goto(`/catalog/${owner.slug}/${api.slug}`)
  const status = consumerPage.locator('[data-subscription-status]')
  await expect(status).toContainText('Current subscription: Rejected Partner')
  await expect(status).toContainText('Reason: “Partner access is for signed partners only”')
  // A rejected request is over: the team may ask again.
  await expect(
    consumerPage.getByRole('region', { name: 'Subscribe' }).getByRole('button', { name: 'Subscribe' }),
  ).toBeVisible()
})

test('[INVOKE] the consumer cancels an active subscription after confirming, and its key stops working', async ({
  page,
}) => {
  const owner = await seedTeam('owner')
  const consumer = await seedTeam('consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  const key = await seedKey(consumer)
  await expect.poll(async () => (await callGateway(`${api.gatewayUrl}/hello`, key.value)).status).toBe(200)

  await signIn(page, consumer.users.OWNER.email)
  await page.goto(`/t/${consumer.slug}/subscriptions?tab=outgoing`)
  const row = page.getByRole('row', { name: new RegExp(api.name) })
  await expect(row).toContainText('Active')
  const dialog = page.getByRole('dialog', { name: 'Cancel this subscription?' })

  // Backing out of the dialog changes nothing.
  await row.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(dialog).toContainText(`Your keys stop working for ${api.name} within a second.`)
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(row).toContainText('Active')

  await row.getByRole('button', { name: 'Cancel', exact: true }).click()
  await dialog.getByRole('button', { name: 'Cancel subscription' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('Cancelled')
  await expect(row.getByRole('button')).toHaveCount(0)

  await expect
    .poll(async () => (await callGateway(`${api.gatewayUrl}/hello`, key.value)).status, { timeout: 2_000 })
    .toBe(403)
})
