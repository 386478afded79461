// Integration: the dispatcher against a REAL local HTTP receiver (node:http) and a real database.
// Time is injected (`now`), so retries are driven step by step without waiting for backoff.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDb, db } from '@/lib/db'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { notifyTeam } from '@/lib/notifications/notify-team'
import { staticLookup } from '@/lib/net/static-lookup'
import {
  claimDelivery,
  dispatchDueWebhooks,
  MAX_ATTEMPTS,
  RECEIVER_UNREACHABLE,
  startWebhookDispatcher,
} from './dispatch-webhooks'
import { retryWebhookDelivery } from './retry-webhook-delivery'
import { setWebhookUrl } from './set-webhook-url'
import { verifyWebhookSignature } from './verify-signature'

type Received = { headers: IncomingHttpHeaders; body: string }

/** A webhook receiver on a free port; `statuses` are answered in turn, then 200. */
async function startReceiver(statuses: number[] = [], delayMs = 0) {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      setTimeout(() => {
        res.writeHead(statuses.shift() ?? 200).end('ok')
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close }
}

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

/** A team whose webhook points at `url`, plus its one-time secret. */
async function teamWithWebhook(url: string) {
  const { team, scope } = await createTestTeam()
  const { secret } = await setWebhookUrl(scope, { url })
  return { teamId: team.id, scope, secret: secret! }
}

async function queueEvent(teamId: string, now: Date, data: Record<string, unknown> = { incidentId: 'inc_1' }) {
  await db.$transaction((tx) =>
    notifyTeam(tx, { teamId, event: 'payment_incident.opened', title: 'Incident', data }, now),
  )
  return db.webhookDelivery.findFirstOrThrow({ where: { teamId }, orderBy: { createdAt: 'desc' } })
}

describe('dispatchDueWebhooks', () => {
  test('POSTs the stored payload with event, delivery id and a signature that verifies only with the secret', async () => {
    const receiver = await startReceiver()
    const { teamId, secret } = await teamWithWebhook(receiver.url)
    const now = new Date()
    const delivery = await queueEvent(teamId, now)

    expect(await dispatchDueWebhooks(db, { now })).toMatchObject({ claimed: 1, delivered: 1 })
    await receiver.close()

    expect(receiver.received).toHaveLength(1)
    const [{ headers, body }] = receiver.received
    expect(body).toBe(delivery.payload)
    expect(JSON.parse(body)).toMatchObject({
      id: delivery.id,
      type: 'payment_incident.opened',
      data: { incidentId: 'inc_1' },
    })
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'tollgate-event': 'payment_incident.opened',
      'tollgate-delivery': delivery.id,
    })
    const signature = headers['tollgate-signature'] as string
    expect(signature).toMatch(new RegExp(`^t=${Math.floor(now.getTime() / 1000)},v1=[0-9a-f]{64}$`))
    expect(verifyWebhookSignature(body, signature, secret, { now })).toBe(true)
    expect(verifyWebhookSignature(body, signature, 'whsec_another_secret', { now })).toBe(false)
    expect(verifyWebhookSignature(body.replace('inc_1', 'inc_2'), signature, secret, { now })).toBe(false)
    expect(verifyWebhookSignature(body, signature, secret, { now: new Date(now.getTime() + 10 * 60_000) })).toBe(false)

    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      state: 'DELIVERED',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: now,
    })
  })

  test('500, 500, then 200: three attempts, growing backoff, then DELIVERED', async () => {
    const receiver = await startReceiver([500, 500])
    const { teamId } = await teamWithWebhook(receiver.url)
    let now = new Date()
    const { id } = await queueEvent(teamId, now)
    const delays: number[] = []

    for (const expected of [
      { attempts: 1, state: 'PENDING' },
      { attempts: 2, state: 'PENDING' },
    ]) {
      await dispatchDueWebhooks(db, { now })
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id } })
      expect(row).toMatchObject({ ...expected, lastStatusCode: 500, lastError: 'The receiver answered HTTP 500' })
      delays.push(row.nextAttemptAt.getTime() - now.getTime())
      // Not due yet: a pass one second later sends nothing.
      expect(await dispatchDueWebhooks(db, { now: new Date(now.getTime() + 1_000) })).toMatchObject({ claimed: 0 })
      now = row.nextAttemptAt
    }
    await dispatchDueWebhooks(db, { now })
    await receiver.close()

    expect(receiver.received).toHaveLength(3)
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'DELIVERED',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    })
    expect(delays[0]).toBeGreaterThanOrEqual(24_000)
    expect(delays[1]).toBeGreaterThan(delays[0])
  })

  test('a dead port: the error is recorded and the delivery rescheduled, FAILED after the last attempt, and retry-now sends it', async () => {
    const { downUrl, close } = await startTestUpstream()
    await close()
    const { teamId, scope } = await teamWithWebhook(`${downUrl}/hooks`)
    let now = new Date()
    const { id } = await queueEvent(teamId, now)

    await dispatchDueWebhooks(db, { now })
    const first = await db.webhookDelivery.findUniqueOrThrow({ where: { id } })
    expect(first).toMatchObject({ state: 'PENDING', attempts: 1, lastStatusCode: null })
    // The same words for every way of not connecting: the team's page is no port scanner.
    expect(first.lastError).toBe(RECEIVER_UNREACHABLE)
    expect(first.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime())

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).nextAttemptAt
      await dispatchDueWebhooks(db, { now })
    }
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'FAILED',
      attempts: MAX_ATTEMPTS,
    })

    const receiver = await startReceiver()
    await db.team.update({ where: { id: teamId }, data: { webhookUrl: receiver.url } })
    await retryWebhookDelivery(scope, { deliveryId: id }, now)
    await dispatchDueWebhooks(db, { now, deliveryIds: [id] })
    await receiver.close()
    expect(receiver.received).toHaveLength(1)
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'DELIVERED',
      url: receiver.url,
      attempts: MAX_ATTEMPTS + 1,
    })
  })

  test('a receiver name that resolves to loopback when the delivery connects (DNS rebinding) is refused; the receiver sees nothing', async () => {
    const receiver = await startReceiver()
    const port = new URL(receiver.url).port
    // Public while the URL is saved, loopback from then on.
    let lookups = 0
    const lookup = staticLookup({ 'hooks.rebound.example': () => (++lookups === 1 ? '93.184.215.14' : '127.0.0.1') })
    const { team, scope } = await createTestTeam()
    await setWebhookUrl(scope, { url: `http://hooks.rebound.example:${port}/hooks` }, { allowPrivate: false, lookup })
    let now = new Date()
    const { id } = await queueEvent(team.id, now)

    expect(await dispatchDueWebhooks(db, { now, policy: { allowPrivate: false, lookup } })).toMatchObject({
      claimed: 1,
      delivered: 0,
      retrying: 1,
    })
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ state: 'PENDING', attempts: 1, lastStatusCode: null, lastError: RECEIVER_UNREACHABLE })
    expect(receiver.received).toHaveLength(0)
    expect(lookups).toBe(2)

    // The receiver was there all along: with private receivers allowed, the retry reaches it.
    now = row.nextAttemptAt
    expect(await dispatchDueWebhooks(db, { now, policy: { allowPrivate: true, lookup } })).toMatchObject({
      delivered: 1,
    })
    await receiver.close()
    expect(receiver.received).toHaveLength(1)
  })

  test.each([
    ['a loopback literal', (port: string) => `http://127.0.0.1:${port}/hooks`],
    ['an IPv4-mapped loopback literal', (port: string) => `http://[::ffff:127.0.0.1]:${port}/hooks`],
    ['the cloud metadata address', (port: string) => `http://169.254.169.254:${port}/latest/meta-data/`],
  ])('a stored URL pointing at %s is refused at connect time with the generic error', async (_label, urlFor) => {
    const receiver = await startReceiver()
    const { team, scope } = await createTestTeam()
    await setWebhookUrl(scope, { url: receiver.url })
    // Written past the save-time check, like a row saved before it existed.
    await db.team.update({ where: { id: team.id }, data: { webhookUrl: urlFor(new URL(receiver.url).port) } })
    const now = new Date()
    const { id } = await queueEvent(team.id, now)
    await dispatchDueWebhooks(db, { now, policy: { allowPrivate: false } })
    await receiver.close()
    expect(receiver.received).toHaveLength(0)
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      lastStatusCode: null,
      lastError: RECEIVER_UNREACHABLE,
    })
  })

  test('a dispatcher that read a row before another claimed it cannot claim it too', async () => {
    const { teamId } = await teamWithWebhook('http://127.0.0.1:9/never-called')
    const now = new Date()
    const seen = await queueEvent(teamId, now)
    const until = new Date(now.getTime() + 60_000)
    expect(await claimDelivery(db, seen, until)).toBe(true)
    expect(await claimDelivery(db, seen, until)).toBe(false)
    // Claimed rows are not due until the claim runs out, so the next pass skips them as well.
    expect(await dispatchDueWebhooks(db, { now, deliveryIds: [seen.id] })).toMatchObject({ claimed: 0 })
  })

  test('two dispatchers with their own connections deliver each event exactly once', async () => {
    const receiver = await startReceiver([], 20)
    const { teamId } = await teamWithWebhook(receiver.url)
    const now = new Date()
    for (let i = 0; i < 30; i++) await queueEvent(teamId, new Date(now.getTime() - i), { n: i })
    const [one, two] = [createDb(database.url), createDb(database.url)]
    try {
      const results = await Promise.all([
        dispatchDueWebhooks(one, { now, batchSize: 50 }),
        dispatchDueWebhooks(two, { now, batchSize: 50 }),
      ])
      expect(results[0].claimed + results[1].claimed).toBe(30)
    } finally {
      await Promise.all([one.$disconnect(), two.$disconnect()])
    }
    await receiver.close()
    const ids = receiver.received.map((r) => r.headers['tollgate-delivery'])
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
    expect(await db.webhookDelivery.count({ where: { teamId, state: 'DELIVERED', attempts: 1 } })).toBe(30)
  })
})

test('startWebhookDispatcher sends due deliveries in the background and stops cleanly', async () => {
  const receiver = await startReceiver()
  const { teamId } = await teamWithWebhook(receiver.url)
  const { id } = await queueEvent(teamId, new Date())
  const stop = startWebhookDispatcher(db, { intervalMs: 50 })
  try {
    await expect
      .poll(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id } })).state, { timeout: 5_000 })
      .toBe('DELIVERED')
  } finally {
    await stop()
    await receiver.close()
  }
  expect(receiver.received).toHaveLength(1)
})
