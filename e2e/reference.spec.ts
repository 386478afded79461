import { expect, test } from '@playwright/test'
import { seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// The catalog reference as a portal shows it: the authentication headers, the base URL to copy,
// the contract to download, and per-operation code samples with the key left to TOLLGATE_KEY.

test('[CATALOG] the reference shows authentication, code samples per operation, the base URL and the contract download', async ({
  page,
  context,
}) => {
  const owner = await seedTeam('ref-owner')
  const consumer = await seedTeam('ref-consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  await seedKey(consumer, 'ref key')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signIn(page, consumer.users.MEMBER.email)
  await page.goto(`/catalog/${owner.slug}/${api.slug}`)

  const auth = page.getByRole('region', { name: 'Authentication' })
  await expect(auth).toContainText('Authorization: Bearer tg_live_…')
  await expect(auth).toContainText('X-Api-Key: tg_live_…')
  await expect(page.locator('[data-base-url]')).toHaveText(api.gatewayUrl)
  await page.getByRole('button', { name: 'Copy base URL' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(api.gatewayUrl)

  const operation = page.locator('[data-operation="GET /hello"]')
  await operation.locator('summary').click()
  const samples = operation.locator('[data-code-samples]')
  await expect(samples.locator('[data-sample="curl"]')).toContainText(`curl -X GET '${api.gatewayUrl}/hello'`)
  await expect(samples.locator('[data-sample="curl"]')).toContainText('$TOLLGATE_KEY')
  await samples.getByRole('tab', { name: 'Python' }).click()
  await expect(samples.locator('[data-sample="python"]')).toContainText('import requests')
  await samples.getByRole('tab', { name: 'JavaScript' }).click()
  await expect(samples.locator('[data-sample="javascript"]')).toContainText(`fetch("${api.gatewayUrl}/hello"`)
  await shot(page, 'reference-code-samples')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the contract' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`${api.slug}-v1.openapi.json`)
  const text = await (await download.createReadStream()).toArray()
  expect(JSON.parse(Buffer.concat(text).toString('utf8')).info.title).toBe(api.name)
})
