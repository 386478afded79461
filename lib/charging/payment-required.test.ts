import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { CAUSES_FIXED_BY, resolveFixedIncidents } from '@/lib/incidents/resolve-fixed-incidents'
import { encryptSecret } from '../crypto/secret-box'
import type { Db } from '../db'
import { startTestGateway, waitFor, type TestGateway } from '../gateway/test-fixtures'
import { createScratchDatabase, type TestDatabase } from '../testing/test-database'
import { dispatchDueWebhooks } from '../webhooks/dispatch-webhooks'
import { verifyWebhookSignature } from '../webhooks/verify-signature'
import {
  call,
  fundAccount,
  ledgerOf,
  PRICE,
  seedBillingWorld,
  startBillingUpstream,
  type BillingWorld,
} from './test-billing-world'

// Each 402 cause end to end through the real gateway, its body checked field by field; what is
// never charged; and an incident that resolves itself when the consumer tops up.

describe.each(['sqlite', 'postgres'] as const)('%s', (provider) => {
  let database: TestDatabase
  let db: Db
  let upstream: Awaited<ReturnType<typeof startBillingUpstream>>
  let gateway: TestGateway
  let world: BillingWorld

  beforeAll(async () => {
    database = await createScratchDatabase(provider)
    db = database.db
    upstream = await startBillingUpstream()
    gateway = await startTestGateway({ db, databaseUrl: database.url })
  })
  afterAll(async () => {
    await gateway?.close()
    await upstream?.close()
    await database?.cleanup()
  })
  beforeEach(async () => {
    world = await seedBillingWorld(db, upstream.url)
    await gateway.gateway.store.reload()
  })

  const settle = async () => {
    await gateway.gateway.writer.flush()
    await gateway.gateway.store.reload()
  }

  test.each([
    {
      cause: 'insufficient_balance',
      account: { topUp: 500n },
      detail: /balance \(\$0\.0005\) does not cover this call \(\$0\.001\)/,
      balance: '0.0005',
      spendable: '0.0005',
    },
    {
      cause: 'budget_exceeded',
      account: { topUp: 5_000_000n, monthlyBudgetMicros: 500n },
      detail: /past its monthly budget of \$0\.0005/,
      balance: '5.00',
      spendable: '0.0005',
    },
    {
      cause: 'payment_method_failed',
      account: { topUp: 0n, creditLimitMicros: 50_000_000n, paymentMethodStatus: 'EXPIRED' as const },
      detail: /payment method is expired/,
      balance: '0.00',
      spendable: '0.00',
    },
    {
      cause: 'quota_exhausted',
      account: { topUp: 0n, paymentMethodStatus: 'NONE' as const },
      free: 2,
      detail: /used this month's 2 free calls/,
      balance: '0.00',
      spendable: '0.00',
    },
  ])(
    '$cause: 402 problem+json, field by field, and an OPEN incident',
    async ({ cause, account, detail, balance, spendable, free }) => {
      if (free) await db.plan.update({ where: { id: world.weather.plan.id }, data: { freeCallsPerMonth: free } })
      const { topUp, ...settings } = account
      await fundAccount(db, world.initech.id, topUp, settings)
      await gateway.gateway.store.reload()
      for (let i = 0; i < (free ?? 0); i++)
        expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)

      const res = await call(gateway.url, world.path('/ok'), world.key.value)

      expect(res.status).toBe(402)
      expect(res.headers['content-type']).toBe('application/problem+json')
      expect(res.headers['cache-control']).toBe('no-store')
      const body = res.json()
      expect(Object.keys(body).sort()).toEqual(
        [
          'balance',
          'code',
          'currency',
          'detail',
          'incidentId',
          'required',
          'requestId',
          'spendable',
          'status',
          'title',
          'topUpUrl',
          'type',
        ].sort(),
      )
      expect(body).toMatchObject({
        type: `/docs/errors/${cause.replaceAll('_', '-')}`,
        title: 'Payment required',
        status: 402,
        code: cause,
        balance,
        spendable,
        required: '0.001',
        currency: 'USD',
        topUpUrl: `/t/${world.initech.slug}/billing`,
        requestId: res.headers['x-request-id'],
      })
      expect(body.detail).toMatch(detail)

      await settle()
      const incident = await db.paymentIncident.findUniqueOrThrow({ where: { id: body.incidentId as string } })
      expect(incident).toMatchObject({
        consumerTeamId: world.initech.id,
        ownerTeamId: world.acme.id,
        apiId: world.weather.api.id,
        cause,
        state: 'OPEN',
        blockedCalls: 1,
        blockedRevenueMicros: PRICE,
      })
      const row = await db.invocation.findFirstOrThrow({ where: { requestId: body.requestId as string } })
      expect(row).toMatchObject({ status: 402, errorCode: cause, incidentId: incident.id, costMicros: 0n })
      expect(
        await db.notification.count({ where: { teamId: world.initech.id, kind: 'payment_incident.opened' } }),
      ).toBe(1)
    },
  )

  test('upstream_payment_required: the upstream 402 body passes through, no-store, and the incident is recorded', async () => {
    await fundAccount(db, world.initech.id, 1_000_000n)
    const res = await call(gateway.url, world.path('/pay'), world.key.value)
    expect(res.status).toBe(402)
    expect(res.text).toBe('{"error":"upstream wants money"}')
    expect(res.headers['cache-control']).toBe('no-store')
    await settle()
    const incident = await db.paymentIncident.findFirstOrThrow({ where: { consumerTeamId: world.initech.id } })
    expect(incident).toMatchObject({ cause: 'upstream_payment_required', state: 'OPEN', blockedCalls: 1 })
    expect((await ledgerOf(db, world.initech.id)).charged).toBe(0n)

    // The upstream answers again: that episode is over, and the successful call is charged.
    expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)
    const resolved = await waitFor(async () => {
      const row = await db.paymentIncident.findUniqueOrThrow({ where: { id: incident.id } })
      return row.state === 'RESOLVED' ? row : undefined
    }, 2_000)
    expect(resolved.resolution).toMatch(/upstream answered successfully/)
  })

  test('a browser gets a readable 402 page that links to the top-up page and is never indexed or cached', async () => {
    const res = await call(gateway.url, world.path('/ok'), world.key.value, {
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    })
    expect(res.status).toBe(402)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['x-robots-tag']).toBe('noindex')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.text).toContain('402 · Payment required')
    expect(res.text).toContain(`href="/t/${world.initech.slug}/billing"`)
    // An API client that merely accepts HTML among others still gets JSON.
    const api = await call(gateway.url, world.path('/ok'), world.key.value, {
      accept: 'application/json, text/html;q=0.5',
    })
    expect(api.headers['content-type']).toBe('application/problem+json')
  })

  test('nothing is charged for 5xx, timeouts, 401, 403, 404, 410 or 429', async () => {
    await fundAccount(db, world.initech.id, 1_000_000n)
    const limited = `/gw/${world.acme.slug}/limited/v1/ok`
    const attempts = [
      { path: world.path('/fail'), status: 500 },
      { path: world.path('/hang'), status: 504 },
      { path: world.path('/ok'), status: 401, key: 'tg_test_unknown' },
      { path: `/gw/${world.acme.slug}/weather/v0/ok`, status: 410 },
      { path: `/gw/${world.acme.slug}/nothing/v1/ok`, status: 404 },
      { path: limited, status: 200 },
      { path: limited, status: 429 },
    ]
    for (const attempt of attempts) {
      expect((await call(gateway.url, attempt.path, attempt.key ?? world.key.value)).status, attempt.path).toBe(
        attempt.status,
      )
    }
    await settle()
    // The one success (the first call to "limited") is the only charge.
    expect(await ledgerOf(db, world.initech.id)).toEqual({
      balance: 1_000_000n - PRICE,
      sumOfEntries: 1_000_000n - PRICE,
      charged: PRICE,
    })
    expect(await db.paymentIncident.count({ where: { consumerTeamId: world.initech.id } })).toBe(0)
  }, 20_000)

  test('the free quota covers the first calls of the month; a failed call does not use it up', async () => {
    await db.plan.update({ where: { id: world.weather.plan.id }, data: { freeCallsPerMonth: 3 } })
    await fundAccount(db, world.initech.id, 10n * PRICE)
    await gateway.gateway.store.reload()
    expect((await call(gateway.url, world.path('/fail'), world.key.value)).status).toBe(500)
    for (let i = 0; i < 5; i++) expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)
    await settle()
    expect((await ledgerOf(db, world.initech.id)).charged).toBe(2n * PRICE)
    const usage = await db.subscriptionUsage.findFirstOrThrow({
      where: { subscriptionId: world.weather.subscription.id },
    })
    expect(usage.calls).toBe(5)
  })

  test('a top-up resolves the incident, the next call succeeds, and running dry again opens a new one', async () => {
    await fundAccount(db, world.initech.id, PRICE)
    expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)
    const refused = await call(gateway.url, world.path('/ok'), world.key.value)
    expect(refused.json().code).toBe('insufficient_balance')
    await settle()

    await fundAccount(db, world.initech.id, PRICE)
    await db.$transaction((tx) =>
      resolveFixedIncidents(
        { consumerTeamId: world.initech.id, causes: CAUSES_FIXED_BY.top_up, resolution: 'Top-up' },
        tx,
      ),
    )
    await gateway.gateway.store.reload()
    expect(
      (await db.paymentIncident.findUniqueOrThrow({ where: { id: refused.json().incidentId as string } })).state,
    ).toBe('RESOLVED')

    expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)
    const again = await call(gateway.url, world.path('/ok'), world.key.value)
    expect(again.status).toBe(402)
    expect(again.json().incidentId).not.toBe(refused.json().incidentId)
  })

  test('a 402 just after the last charge is written still states the real balance', async () => {
    await fundAccount(db, world.initech.id, PRICE)
    expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)
    expect((await call(gateway.url, world.path('/ok'), world.key.value)).json().balance).toBe('0.00')
    // The charge is written now; the refusal reused for the next second must not count it back.
    await gateway.gateway.writer.flush()
    expect((await call(gateway.url, world.path('/ok'), world.key.value)).json().balance).toBe('0.00')
  })

  test('GET /gw/_me/usage tells a key its balance, spend and free calls left', async () => {
    await db.plan.update({ where: { id: world.weather.plan.id }, data: { freeCallsPerMonth: 2 } })
    await fundAccount(db, world.initech.id, 10n * PRICE, { monthlyBudgetMicros: 5_000_000n })
    await gateway.gateway.store.reload()
    for (let i = 0; i < 4; i++) expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(200)
    const res = await call(gateway.url, '/gw/_me/usage', world.key.value)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const usage = res.json()
    expect(usage).toMatchObject({
      team: world.initech.slug,
      currency: 'USD',
      balance: '0.008',
      spentThisMonth: '0.002',
      monthlyBudget: '5.00',
    })
    expect(usage.subscriptions).toContainEqual(
      expect.objectContaining({
        api: `${world.acme.slug}/weather`,
        plan: 'Pay as you go',
        paid: true,
        pricePerCall: '0.001',
        freeCallsPerMonth: 2,
        callsThisMonth: 4,
        freeCallsLeft: 0,
      }),
    )
    expect((await call(gateway.url, '/gw/_me/usage', 'tg_test_nobody')).status).toBe(401)
  })

  test("the first 402 of an episode reaches the team's webhook receiver, signed", async () => {
    const received: Array<{ body: string; signature: string | undefined; event: string | undefined }> = []
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        received.push({
          body,
          signature: req.headers['tollgate-signature'] as string,
          event: req.headers['tollgate-event'] as string,
        })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()))
    try {
      const secret = 'whsec_test_billing_receiver'
      await db.team.update({
        where: { id: world.initech.id },
        data: {
          webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
          webhookSecretEnc: encryptSecret(secret),
        },
      })
      for (let i = 0; i < 3; i++) expect((await call(gateway.url, world.path('/ok'), world.key.value)).status).toBe(402)
      await settle()
      await dispatchDueWebhooks(db)

      expect(received).toHaveLength(1)
      expect(received[0].event).toBe('payment_incident.opened')
      expect(verifyWebhookSignature(received[0].body, received[0].signature, secret)).toBe(true)
      expect(verifyWebhookSignature(received[0].body, received[0].signature, 'another secret')).toBe(false)
      expect(JSON.parse(received[0].body)).toMatchObject({
        type: 'payment_incident.opened',
        data: { cause: 'insufficient_balance', api: `${world.acme.slug}/weather` },
      })
    } finally {
      await new Promise((resolve) => receiver.close(resolve))
    }
  })

  test('crossing 80% and 100% of the budget alerts once each', async () => {
    await fundAccount(db, world.initech.id, 100n * PRICE, { monthlyBudgetMicros: 5n * PRICE })
    for (let i = 0; i < 6; i++) await call(gateway.url, world.path('/ok'), world.key.value)
    await settle()
    const alerts = await db.budgetAlert.findMany({ where: { teamId: world.initech.id }, orderBy: { threshold: 'asc' } })
    expect(alerts.map((a) => a.threshold)).toEqual([80, 100])
    expect(await db.notification.count({ where: { teamId: world.initech.id, kind: 'budget.threshold_crossed' } })).toBe(
      2,
    )
    expect((await ledgerOf(db, world.initech.id)).charged).toBe(5n * PRICE)
  })
})
