// Integration: the settings section's lib calls. The signing secret is shown once, stored only
// encrypted, and never comes back out of the settings loader or the deliveries list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decryptSecret } from '@/lib/crypto/secret-box'
import { db } from '@/lib/db'
import { notifyTeam } from '@/lib/notifications/notify-team'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import type { OutboundPolicy } from '@/lib/net/outbound-policy'
import { staticLookup } from '@/lib/net/static-lookup'
import { getWebhookSettings } from './get-webhook-settings'
import { listWebhookDeliveries } from './list-webhook-deliveries'
import { retryWebhookDelivery } from './retry-webhook-delivery'
import { rotateWebhookSecret } from './rotate-webhook-secret'
import { parseListDeliveriesQuery, setWebhookUrlSchema } from './schemas'
import { sendTestWebhook } from './send-test-webhook'
import { clearWebhookUrl, setWebhookUrl } from './set-webhook-url'

// The receiver's name resolves to a public address (no DNS on this machine): the save-time
// address check passes, as it would for a real public receiver.
const publicDns: OutboundPolicy = {
  allowPrivate: false,
  lookup: staticLookup({ 'hooks.example.com': '93.184.215.14' }),
}

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

describe('the webhook URL', () => {
  test.each([
    ['empty', ''],
    ['not a URL', 'hooks.example.com/x'],
    ['ftp', 'ftp://example.com/hook'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials in the URL', 'https://user:pw@example.com/hook'],
    ['too long', `https://example.com/${'x'.repeat(2048)}`],
  ])('refuses %s with a field error', (_label, url) => {
    const parsed = setWebhookUrlSchema.safeParse({ url })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0].path).toEqual(['url'])
  })

  test.each(['https://hooks.example.com/tollgate?x=1', 'http://localhost:4000/hook'])('accepts %s', (url) => {
    expect(setWebhookUrlSchema.parse({ url: `  ${url} ` })).toEqual({ url })
  })
})

describe('settings', () => {
  test('the first URL creates a secret shown once; it is stored encrypted and never returned again', async () => {
    const { team, scope } = await createTestTeam()
    expect(await getWebhookSettings(scope)).toEqual({ url: null, hasSecret: false, pending: 0, failed: 0 })

    const first = await setWebhookUrl(scope, { url: 'https://hooks.example.com/a' }, publicDns)
    expect(first.secret).toMatch(/^whsec_[\w-]{43}$/)
    const stored = await db.team.findUniqueOrThrow({ where: { id: team.id } })
    expect(stored.webhookSecretEnc).not.toContain(first.secret!)
    expect(decryptSecret(stored.webhookSecretEnc!)).toBe(first.secret)

    // Changing the URL keeps the secret, and does not show it again.
    expect(await setWebhookUrl(scope, { url: 'https://hooks.example.com/b' }, publicDns)).toEqual({
      url: 'https://hooks.example.com/b',
      secret: null,
    })
    await db.$transaction((tx) =>
      notifyTeam(tx, { teamId: team.id, event: 'budget.threshold_crossed', title: 'Budget', data: { threshold: 80 } }),
    )

    const settings = await getWebhookSettings(scope)
    const deliveries = await listWebhookDeliveries({ teamId: team.id })
    expect(settings).toEqual({ url: 'https://hooks.example.com/b', hasSecret: true, pending: 1, failed: 0 })
    for (const returned of [settings, deliveries]) {
      const text = JSON.stringify(returned)
      expect(text).not.toContain(first.secret!)
      expect(text).not.toContain(stored.webhookSecretEnc!)
      expect(text).not.toMatch(/secretEnc|whsec_/)
    }
  })

  test('rotation replaces the secret; the new one is returned once', async () => {
    const { team, scope } = await createTestTeam()
    const { secret } = await setWebhookUrl(scope, { url: 'https://hooks.example.com/a' }, publicDns)
    const rotated = await rotateWebhookSecret(scope)
    expect(rotated.secret).not.toBe(secret)
    expect(decryptSecret((await db.team.findUniqueOrThrow({ where: { id: team.id } })).webhookSecretEnc!)).toBe(
      rotated.secret,
    )
    expect(JSON.stringify(await getWebhookSettings(scope))).not.toContain(rotated.secret)
  })

  test('clearing the URL stops new deliveries and fails the waiting ones; the secret stays', async () => {
    const { team, scope } = await createTestTeam()
    await setWebhookUrl(scope, { url: 'https://hooks.example.com/a' }, publicDns)
    await db.$transaction((tx) =>
      notifyTeam(tx, { teamId: team.id, event: 'budget.threshold_crossed', title: 'Budget', data: {} }),
    )
    expect(await clearWebhookUrl(scope)).toEqual({ cancelled: 1 })
    await db.$transaction((tx) =>
      notifyTeam(tx, { teamId: team.id, event: 'budget.threshold_crossed', title: 'Budget', data: {} }),
    )
    expect(await getWebhookSettings(scope)).toEqual({ url: null, hasSecret: true, pending: 0, failed: 1 })
    expect((await listWebhookDeliveries({ teamId: team.id })).items).toEqual([
      expect.objectContaining({ state: 'FAILED', lastError: 'Webhook URL removed' }),
    ])
  })
})

describe('test events, the deliveries list and retry', () => {
  test('a test event needs a URL, is queued like any event, and adds no notification', async () => {
    const { team, scope } = await createTestTeam()
    const error = await rejection(() => sendTestWebhook(scope))
    expect({ status: error.status, fieldErrors: error.fieldErrors }).toEqual({
      status: 422,
      fieldErrors: { url: ['Set a webhook URL first'] },
    })

    await setWebhookUrl(scope, { url: 'https://hooks.example.com/a' }, publicDns)
    const { deliveryId } = await sendTestWebhook(scope)
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })
    expect(row).toMatchObject({
      teamId: team.id,
      event: 'webhook.test',
      state: 'PENDING',
      url: 'https://hooks.example.com/a',
    })
    expect(JSON.parse(row.payload)).toMatchObject({ id: deliveryId, type: 'webhook.test', data: { team: team.slug } })
    expect(await db.notification.count({ where: { teamId: team.id } })).toBe(0)
  })

  test('paginated, newest first, filtered by state, scoped to the team', async () => {
    const { team, scope } = await createTestTeam()
    const { team: other, scope: otherScope } = await createTestTeam()
    await setWebhookUrl(scope, { url: 'https://hooks.example.com/a' }, publicDns)
    const ids: string[] = []
    for (let i = 0; i < 5; i++)
      ids.push((await sendTestWebhook(scope, new Date(Date.UTC(2026, 10, 24, 10, i)))).deliveryId)
    await db.webhookDelivery.update({
      where: { id: ids[1] },
      data: { state: 'FAILED', attempts: 8, lastError: 'The receiver answered HTTP 500', lastStatusCode: 500 },
    })

    const page1 = await listWebhookDeliveries({ teamId: team.id }, { pageSize: 3 })
    const page2 = await listWebhookDeliveries({ teamId: team.id }, { dpage: 2, pageSize: 3 })
    expect([...page1.items, ...page2.items].map((d) => d.id)).toEqual([...ids].reverse())
    expect({ total: page1.total, pageCount: page1.pageCount }).toEqual({ total: 5, pageCount: 2 })
    const failed = await listWebhookDeliveries(scope, parseListDeliveriesQuery({ dstate: 'FAILED' }))
    expect(failed.items).toEqual([expect.objectContaining({ id: ids[1], attempts: 8, lastStatusCode: 500 })])
    expect((await listWebhookDeliveries({ teamId: other.id })).items).toEqual([])
    expect(parseListDeliveriesQuery({ dstate: 'LOST', dpage: 'x' })).toEqual({ dstate: undefined, dpage: 1 })

    // Retry: only FAILED rows of this team.
    for (const [teamScope, deliveryId] of [
      [otherScope, ids[1]],
      [scope, ids[0]],
    ] as const) {
      expect((await rejection(() => retryWebhookDelivery(teamScope, { deliveryId }))).status).toBe(404)
    }
    const now = new Date('2026-11-24T12:00:00Z')
    await retryWebhookDelivery(scope, { deliveryId: ids[1] }, now)
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({
      state: 'PENDING',
      nextAttemptAt: now,
      attempts: 8,
    })
  })
})
