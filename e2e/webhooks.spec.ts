import { expect, test, type Page } from '@playwright/test'
import { verifyWebhookSignature } from '../lib/webhooks/verify-signature'
import { startWebhookReceiver } from './fixtures/webhook-receiver'
import { seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// Webhooks from the team owner's side: a bad URL is refused with a field error, a real local
// receiver gets a signed test event that verifies with the secret shown once (and only once), and
// both a delivered and a failed attempt show up in the deliveries table.

const urlError = (page: Page) => page.locator('[data-field-error="url"]')
// How the deliveries table prints a time, e.g. "24 Nov 2026, 20:42:38"; a missing one is "–".
const UTC_TIME = /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}$/
const deliveryRow = (page: Page, id: string) => page.locator(`tr[data-delivery="${id}"]`)

test('[WEBHOOKS] an owner sets a webhook URL, keeps the secret shown once, and a signed test event reaches the receiver', async ({
  page,
}) => {
  const team = await seedTeam('hooks')
  const receiver = await startWebhookReceiver()
  try {
    await signIn(page, team.users.OWNER.email)
    await page.goto(`/t/${team.slug}/settings`)
    const endpoint = page.getByLabel('Endpoint URL')
    const enable = page.getByRole('button', { name: 'Enable webhooks' })
    await expect(page.getByText('None yet: one is created with the first URL.')).toBeVisible()

    await test.step('invalid URLs are refused', async () => {
      // Not a URL at all: the browser itself refuses to send the form.
      await endpoint.fill('not a url')
      await enable.click()
      expect(await endpoint.evaluate((input: HTMLInputElement) => input.validity.typeMismatch)).toBe(true)
      // A URL, but not http(s): the server answers with a field error.
      await endpoint.fill('ftp://x')
      await enable.click()
      await expect(urlError(page)).toHaveText('Enter a full http:// or https:// URL')
      await expect(endpoint).toHaveAttribute('aria-invalid', 'true')
      await endpoint.fill('http://user:hunter2@127.0.0.1/hooks')
      await enable.click()
      await expect(urlError(page)).toHaveText('Leave user and password out of the URL; verify the signature instead')
      await expect(page.getByLabel('Webhook signing secret')).toHaveCount(0)
      await shot(page, 'webhooks-invalid-url')
      // Nothing was saved.
      await page.reload()
      await expect(endpoint).toHaveValue('')
      await expect(page.getByRole('button', { name: 'Send test event' })).toHaveCount(0)
    })

    let secret = ''
    await test.step('the first URL creates the signing secret, shown once', async () => {
      await endpoint.fill(receiver.url)
      await enable.click()
      const secretBox = page.getByLabel('Webhook signing secret')
      await expect(secretBox).toHaveValue(/^whsec_[\w-]{20,}$/)
      secret = await secretBox.inputValue()
      await expect(page.getByText('Copy the signing secret now. It is shown only once.')).toBeVisible()
      await shot(page, 'webhooks-secret-shown-once')

      await page.reload()
      await expect(endpoint).toHaveValue(receiver.url)
      await expect(page.getByLabel('Webhook signing secret')).toHaveCount(0)
      await expect(page.getByText('Set. It was shown once when created; rotate it if it leaked.')).toBeVisible()
      expect(await page.content()).not.toContain(secret)
    })

    let deliveredId = ''
    await test.step('a test event arrives signed, and is listed as delivered', async () => {
      await page.getByRole('button', { name: 'Send test event' }).click()
      await expect(page.locator('[data-delivery-outcome]')).toHaveText('Delivered (HTTP 200)')
      await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(1)
      const hook = receiver.received[0]
      expect(hook.method).toBe('POST')
      expect(hook.path).toBe('/hooks/tollgate')
      expect(hook.headers['content-type']).toBe('application/json')
      expect(hook.headers['tollgate-event']).toBe('webhook.test')
      const body = JSON.parse(hook.body) as { id: string; type: string; data: { team: string } }
      expect(body.type).toBe('webhook.test')
      expect(body.data.team).toBe(team.slug)
      expect(hook.headers['tollgate-delivery']).toBe(body.id)
      const signature = hook.headers['tollgate-signature'] as string
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
      expect(verifyWebhookSignature(hook.body, signature, secret)).toBe(true)
      expect(verifyWebhookSignature(hook.body, signature, 'whsec_someone-elses-secret-0000000000000')).toBe(false)
      expect(verifyWebhookSignature(hook.body.replace('webhook.test', 'webhook.tesT'), signature, secret)).toBe(false)
      deliveredId = body.id

      await expect(async () => {
        await page.reload()
        const row = deliveryRow(page, deliveredId)
        await expect(row).toContainText('webhook.test')
        await expect(row.getByRole('cell').nth(2)).toHaveText('Delivered')
      }).toPass({ timeout: 10_000 })
      const row = deliveryRow(page, deliveredId)
      await expect(row.getByRole('cell').nth(3)).toHaveText('1')
      await expect(row.getByRole('cell').nth(4)).toContainText('HTTP 200')
      await expect(row.getByRole('cell').nth(6)).toHaveText(UTC_TIME)
      await expect(page.getByRole('heading', { name: /Webhook deliveries/ })).toContainText('(0 waiting, 0 failed)')
      await shot(page, 'webhooks-delivered')
    })

    await test.step('a receiver answering 500 leaves a pending delivery with its next attempt', async () => {
      receiver.answerWith(500)
      await page.getByRole('button', { name: 'Send test event' }).click()
      await expect(page.locator('[data-delivery-outcome]')).toHaveText(
        'The receiver answered HTTP 500; retrying automatically',
      )
      await expect.poll(() => receiver.received.length, { timeout: 5_000 }).toBe(2)
      const failedId = (JSON.parse(receiver.received[1].body) as { id: string }).id
      expect(failedId).not.toBe(deliveredId)
      // Still signed with the same secret.
      expect(
        verifyWebhookSignature(
          receiver.received[1].body,
          receiver.received[1].headers['tollgate-signature'] as string,
          secret,
        ),
      ).toBe(true)

      await page.reload()
      const row = deliveryRow(page, failedId)
      await expect(row.getByRole('cell').nth(2)).toHaveText('Pending')
      await expect(row.getByRole('cell').nth(3)).toHaveText('1')
      await expect(row.getByRole('cell').nth(4)).toContainText('HTTP 500')
      await expect(row.getByRole('cell').nth(4)).toContainText('The receiver answered HTTP 500')
      await expect(row.getByRole('cell').nth(5)).toHaveText(UTC_TIME)
      await expect(row.getByRole('cell').nth(6)).toHaveText('–')
      await expect(page.getByRole('heading', { name: /Webhook deliveries/ })).toContainText('(1 waiting, 0 failed)')
      // The delivered one is untouched.
      await expect(deliveryRow(page, deliveredId).getByRole('cell').nth(2)).toHaveText('Delivered')
      // The "Pending" filter lists only the one waiting for its retry.
      await page.getByRole('link', { name: 'Pending' }).click()
      await expect(page.locator('tr[data-delivery]')).toHaveCount(1)
      await expect(deliveryRow(page, failedId)).toBeVisible()
      await shot(page, 'webhooks-failed-attempt')
    })
  } finally {
    await receiver.close()
  }
})

test('[WEBHOOKS] a member sees no webhook settings and cannot read the deliveries', async ({ page }) => {
  const team = await seedTeam('hooks')
  await signIn(page, team.users.MEMBER.email)
  await page.goto(`/t/${team.slug}/settings`)
  await expect(page.getByRole('heading', { name: 'Members (4)' })).toBeVisible()
  await expect(page.getByLabel('Endpoint URL')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: /Webhook deliveries/ })).toHaveCount(0)
})
