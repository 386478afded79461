import { expect, test } from '@playwright/test'
import { publishConfigChange } from '../lib/config-events/publish-config-change'
import { seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// A call to a version with capture on, as its consumer debugs it: the request id to copy, a curl
// command without the key, the headers with secrets redacted, the bodies in a JSON viewer, and a
// replay in the catalog's try-it. A team that is neither side of the call gets a 404.

test('[CALLS] the call detail shows redacted headers, bodies, a curl command, and replays in try-it', async ({
  page,
  context,
}) => {
  const owner = await seedTeam('capture-owner')
  const consumer = await seedTeam('capture-consumer')
  const stranger = await seedTeam('capture-stranger')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  const key = await seedKey(consumer, 'capture key')
  const db = e2eDb()
  await db.apiVersion.update({ where: { id: api.versionId }, data: { captureMode: 'HEADERS_AND_BODIES' } })
  await publishConfigChange(db)

  // Called as a customer's service would, with a secret of its own in a header; retried until the
  // gateway's snapshot holds the capture setting (a capture row appears).
  let requestId = ''
  await expect(async () => {
    const res = await fetch(`${api.gatewayUrl}/hello?name=Ada`, {
      headers: { authorization: `Bearer ${key.value}`, 'x-client-secret': 'do-not-store-me', 'x-trace': 'trace-42' },
    })
    expect(res.status).toBe(200)
    requestId = res.headers.get('x-request-id') ?? ''
    await expect.poll(() => db.invocationCapture.count({ where: { requestId } }), { timeout: 3_000 }).toBe(1)
  }).toPass({ timeout: 20_000 })
  // The call log and the captures are written by separate batched writers.
  await expect.poll(() => db.invocation.count({ where: { requestId } })).toBe(1)
  const call = await db.invocation.findUniqueOrThrow({ where: { requestId } })

  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signIn(page, consumer.users.MEMBER.email)
  await page.goto(`/t/${consumer.slug}/calls/${call.id}`)
  await expect(page.locator('[data-request-id]')).toHaveText(requestId)
  await page.getByRole('button', { name: 'Copy request id' }).click()
  await expect(page.getByRole('button', { name: 'Copy request id' })).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestId)

  const curl = page.locator('[data-curl]')
  await expect(curl).toContainText(`curl -X GET '${api.gatewayUrl}/hello?name=Ada'`)
  await expect(curl).toContainText('-H "Authorization: Bearer $TOLLGATE_KEY"')
  await expect(curl).toContainText("-H 'x-trace: trace-42'")
  await expect(curl).not.toContainText(key.value)
  await expect(curl).not.toContainText('do-not-store-me')

  const requestHeaders = page.getByRole('region', { name: 'Request headers' })
  await expect(requestHeaders.locator('[data-header="authorization"] dd')).toHaveText('[redacted]')
  await expect(requestHeaders.locator('[data-header="x-client-secret"] dd')).toHaveText('[redacted]')
  await expect(requestHeaders.locator('[data-header="x-trace"] dd')).toHaveText('trace-42')
  await expect(page.getByRole('region', { name: 'Request headers' })).not.toContainText(key.value)
  // The demo upstream echoes what it received as JSON, pretty-printed by the viewer.
  const responseBody = page.locator('[data-body="Response body"]')
  await expect(responseBody).toHaveAttribute('data-json', 'true')
  await expect(responseBody).toContainText('"name": "Ada"')
  await shot(page, 'call-detail')

  await page.getByRole('link', { name: 'Replay in try-it' }).click()
  await expect(page).toHaveURL(new RegExp(`/catalog/${owner.slug}/${api.slug}\\?version=v1&replay=`))
  const tryIt = page.getByRole('form', { name: 'Try it' })
  await expect(tryIt.getByRole('status')).toContainText('Prefilled from a logged call: GET /hello')
  await expect(tryIt.getByLabel('name (query)')).toHaveValue('Ada')
  await shot(page, 'call-detail-replay')

  // Neither the owner nor the consumer: the call does not exist for them.
  await page.context().clearCookies()
  await signIn(page, stranger.users.OWNER.email)
  const response = await page.goto(`/t/${stranger.slug}/calls/${call.id}`)
  expect(response?.status()).toBe(404)
})
